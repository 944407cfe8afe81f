import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** Open chats straight into the table, several sharing their last activity (the test is about paging). */
async function insertChats(db: DataSource, accountId: string, n: number, at = 'now()') {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO chats (account_id, visitor_name, source, created_at)
     SELECT $1, 'Visitor ' || i, 'widget', ${at} - (i % 4) * interval '1 microsecond'
       FROM generate_series(1, $2) AS i
     RETURNING id`,
    [accountId, n],
  );
  return rows.map((r) => r.id);
}

describe('cursor pagination of GET /v1/inbox', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: Session;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    ({ owner } = await accountWithOperator(t));
    const me = await request(t.url).get('/v1/account').set(owner.auth).expect(200);
    accountId = me.body.id;
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>, auth = owner.auth, status = 200) =>
    request(t.url).get('/v1/inbox').query(query).set(auth).expect(status);

  it('walks every chat once, newest activity first, while new chats keep arriving', async () => {
    const existing = await insertChats(db, accountId, 40, `now() - interval '1 minute'`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(cursor ? { limit: 7, cursor } : { limit: 7 });
      expect(Array.isArray(res.body)).toBe(true);
      seen.push(...(res.body as { id: string }[]).map((c) => c.id));
      cursor = res.headers['x-next-cursor'];
      await insertChats(db, accountId, 3);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => existing.includes(id)).sort()).toEqual([...existing].sort());
  });

  it('keeps limit/offset working and refuses forged cursors; another account sees none of these chats', async () => {
    const first = await list({ limit: 3 });
    const second = await list({ limit: 3, offset: 3 });
    const ids = [...first.body, ...second.body].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(6);
    await list({ cursor: 'garbage' }, owner.auth, 400);
    const tenant = await createTenant(t, owner);
    const other = await list({ cursor: first.headers['x-next-cursor'] }, tenant.admin.auth);
    expect(other.body).toEqual([]);
  });
});
