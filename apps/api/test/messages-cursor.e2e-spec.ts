import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Auth = Record<string, string>;

/** Messages straight into the table, several sharing a timestamp (the test is about paging). */
async function insertMessages(db: DataSource, chatId: string, n: number, at = 'now()') {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO messages (chat_id, account_id, author_role, author_name, text, created_at)
     SELECT c.id, c.account_id, 'operator', 'Ada', 'message ' || i, ${at} - (i % 4) * interval '1 microsecond'
       FROM chats c, generate_series(1, $2) AS i WHERE c.id = $1
     RETURNING id`,
    [chatId, n],
  );
  return rows.map((r) => r.id);
}

describe('cursor pagination of GET /v1/chats/:id/messages', () => {
  let t: TestApp;
  let db: DataSource;
  let operator: Session;
  let chat: { chatId: string; auth: Auth };
  let other: { chatId: string; auth: Auth };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const account = await accountWithOperator(t);
    operator = account.operator;
    chat = await startVisitorChat(t, account.widgetKey, 'Paging visitor');
    other = await startVisitorChat(t, account.widgetKey, 'Other visitor');
  });
  afterAll(() => t.close());

  const page = (chatId: string, query: Record<string, string | number>, auth: Auth, status = 200) =>
    request(t.url).get(`/v1/chats/${chatId}/messages`).query(query).set(auth).expect(status);

  it('walks every older message once while new ones keep arriving (header cursor, array body)', async () => {
    const existing = await insertMessages(db, chat.chatId, 40, `now() - interval '1 minute'`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await page(chat.chatId, cursor ? { limit: 7, cursor } : { limit: 7 }, chat.auth);
      expect(Array.isArray(res.body)).toBe(true);
      const ids = (res.body as { id: string }[]).map((m) => m.id);
      seen.push(...ids.reverse());
      cursor = res.headers['x-next-cursor'];
      await insertMessages(db, chat.chatId, 3);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => existing.includes(id)).sort()).toEqual([...existing].sort());
  });

  it('keeps `before` (a message id) working for older clients', async () => {
    const newest = await page(chat.chatId, { limit: 2 }, operator.auth);
    const [older] = newest.body as { id: string }[];
    const res = await page(chat.chatId, { limit: 2, before: older.id }, operator.auth);
    expect(res.body).toHaveLength(2);
    expect((res.body as { id: string }[]).map((m) => m.id)).not.toContain(older.id);
  });

  it('refuses forged cursors and another visitor’s chat', async () => {
    await page(chat.chatId, { cursor: 'garbage' }, chat.auth, 400);
    const first = await page(chat.chatId, { limit: 1 }, chat.auth);
    await page(other.chatId, { cursor: first.headers['x-next-cursor'] }, chat.auth, 404);
    // A position from another chat only pages that other chat's own messages.
    const foreign = await page(other.chatId, { cursor: first.headers['x-next-cursor'] }, other.auth);
    for (const m of foreign.body as { chatId: string }[]) expect(m.chatId).toBe(other.chatId);
  });

  it('lets a page on another origin (the widget) read the cursor header', async () => {
    await insertMessages(db, chat.chatId, 3);
    const res = await request(t.url)
      .get(`/v1/chats/${chat.chatId}/messages`)
      .query({ limit: 1 })
      .set(chat.auth)
      .set('Origin', 'http://127.0.0.1:5173')
      .expect(200);
    expect(res.headers['x-next-cursor']).toBeTruthy();
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const exposed = String(res.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/);
    expect(exposed).toContain('x-next-cursor');
  });
});
