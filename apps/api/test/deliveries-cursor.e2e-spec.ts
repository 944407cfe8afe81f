import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** Event deliveries straight into the table (several share a timestamp): the test is about paging. */
async function insertDeliveries(db: DataSource, accountId: string, n: number, status = 'failed') {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO deliveries (account_id, kind, event_type, payload, target, status, attempts, created_at)
     SELECT $1, 'event', 'message.created', '{}'::jsonb, 'http://127.0.0.1:9/hook', $3, 1,
            now() - (i % 4) * interval '1 microsecond'
       FROM generate_series(1, $2) AS i
     RETURNING id`,
    [accountId, n, status],
  );
  return rows.map((r) => r.id);
}

describe('cursor pagination of GET /v1/deliveries', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: Session;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const account = await accountWithOperator(t);
    owner = account.owner;
    const chat = await startVisitorChat(t, account.widgetKey);
    [{ account_id: accountId }] = await db.query('SELECT account_id FROM chats WHERE id = $1', [chat.chatId]);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>, auth = owner.auth) =>
    request(t.url).get('/v1/deliveries').query(query).set(auth).expect(200);

  async function walk(query: Record<string, string | number>, between?: () => Promise<void>) {
    const ids: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = await list(cursor ? { ...query, cursor } : query);
      ids.push(...res.body.items.map((d: { id: string }) => d.id));
      cursor = res.body.nextCursor;
      await between?.();
    } while (cursor);
    return ids;
  }

  it('walks every delivery once, newest first, while new ones keep arriving', async () => {
    const existing = await insertDeliveries(db, accountId, 40);
    const seen = await walk({ pageSize: 7, kind: 'event' }, async () => {
      await insertDeliveries(db, accountId, 3);
    });
    const original = seen.filter((id) => existing.includes(id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(original.sort()).toEqual([...existing].sort());
  });

  it('pages by status with the same cursor rules and reports the end with nextCursor null', async () => {
    const pending = await insertDeliveries(db, accountId, 5, 'pending');
    const first = await list({ status: 'pending', pageSize: 3 });
    expect(first.body).toMatchObject({ total: 5, items: expect.any(Array) });
    const second = await list({ status: 'pending', pageSize: 3, cursor: first.body.nextCursor });
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((d: { id: string }) => d.id);
    expect(ids.sort()).toEqual(pending.sort());
  });

  it('answers a forged or foreign cursor with 400 and never shows another account’s deliveries', async () => {
    for (const cursor of [
      'not-base64-json',
      Buffer.from('["createdAt","DESC","x","y"]').toString('base64url'),
    ]) {
      const res = await request(t.url).get('/v1/deliveries').query({ cursor }).set(owner.auth).expect(400);
      expect(res.body.code).toEqual(expect.any(String));
    }
    const tenant = await createTenant(t, owner);
    const other = await request(t.url).get('/v1/deliveries').set(tenant.admin.auth).expect(200);
    expect(other.body).toMatchObject({ items: [], total: 0, nextCursor: null });
  });
});
