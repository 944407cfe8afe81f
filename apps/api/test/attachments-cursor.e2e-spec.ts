import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { PNG, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

/** Rows straight into the table: these tests are about paging, not uploading. */
async function insertFiles(db: DataSource, accountId: string, chatId: string, n: number, prefix: string) {
  await db.query(
    `INSERT INTO attachments (account_id, chat_id, name, extension, size, content_type, sha256, storage_driver, storage_key, source, uploaded_by_role, uploaded_by_name, created_at)
     SELECT $1, $2, $3 || '-' || lpad(i::text, 5, '0') || '.pdf', 'pdf', (i * 7919) % 1000, 'application/pdf', md5(i::text), 'disk', $3 || '/' || i, 'upload', 'visitor', 'Visitor',
            now() - (i % 5) * interval '1 microsecond'
       FROM generate_series(1, $4) AS i`,
    [accountId, chatId, prefix, n],
  );
}

describe('cursor pagination and capped counts (GET /v1/attachments, /v1/audit-events)', () => {
  let t: TestApp;
  let owner: Session;
  let db: DataSource;
  let accountId: string;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const account = await accountWithOperator(t);
    owner = account.owner;
    const chat = await startVisitorChat(t, account.widgetKey);
    chatId = chat.chatId;
    await uploadFile(t, chatId, chat.auth, 'invoice-real.png', PNG);
    db = t.app.get(DataSource);
    [{ account_id: accountId }] = await db.query('SELECT account_id FROM chats WHERE id = $1', [chatId]);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>, auth = owner.auth) =>
    request(t.url).get('/v1/attachments').query(query).set(auth).expect(200);

  /** Follows `nextCursor` to the end, running `between` after each page. */
  async function walk(query: Record<string, string | number>, between?: () => Promise<void>) {
    const ids: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = await list(cursor ? { ...query, cursor } : query);
      ids.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
      await between?.();
    } while (cursor);
    return ids;
  }

  it('walks every sort in both orders without gaps or repeats while files are added', async () => {
    await insertFiles(db, accountId, chatId, 120, 'old');
    const before: string[] = (
      await db.query('SELECT id FROM attachments WHERE account_id = $1 AND expired_at IS NULL', [accountId])
    ).map((r: { id: string }) => r.id);
    let round = 0;
    for (const sort of ['createdAt', 'name', 'size']) {
      for (const order of ['asc', 'desc']) {
        const seen = await walk({ sort, order, pageSize: 29 }, () =>
          insertFiles(db, accountId, chatId, 3, `new${round++}`),
        );
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expect.arrayContaining(before));
      }
    }
  }, 60_000);

  it('pages filtered searches by cursor and ends with a null cursor', async () => {
    const first = await list({ q: 'old-0000', pageSize: 5, sort: 'name', order: 'asc' });
    expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(
      ['01', '02', '03', '04', '05'].map((n) => `old-000${n}.pdf`),
    );
    const second = await list({
      q: 'old-0000',
      pageSize: 5,
      sort: 'name',
      order: 'asc',
      cursor: first.body.nextCursor,
    });
    expect(second.body.items.map((a: { name: string }) => a.name)).toEqual(
      ['06', '07', '08', '09'].map((n) => `old-000${n}.pdf`),
    );
    expect(second.body.nextCursor).toBeNull();
    expect(second.body).toMatchObject({ total: 9, totalIsLowerBound: false });
  });

  it('answers 400 to a forged, malformed or other-sort cursor', async () => {
    const { nextCursor } = (await list({ pageSize: 2 })).body;
    for (const cursor of ['nope', Buffer.from('[1,2,3]').toString('base64url'), '%%%']) {
      const res = await request(t.url).get('/v1/attachments').query({ cursor }).set(owner.auth).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const forged = Buffer.from(JSON.stringify(['createdAt', 'DESC', 'not a date', accountId])).toString(
      'base64url',
    );
    await request(t.url).get('/v1/attachments').query({ cursor: forged }).set(owner.auth).expect(400);
    await request(t.url)
      .get('/v1/attachments')
      .query({ cursor: nextCursor, sort: 'size' })
      .set(owner.auth)
      .expect(400);
  });

  it('counts exactly up to 10,000 and says "at least" beyond', async () => {
    const exact = (await list({ pageSize: 1 })).body;
    expect(exact).toMatchObject({ totalIsLowerBound: false });
    await insertFiles(db, accountId, chatId, 10_000, 'bulk');
    const capped = (await list({ pageSize: 1 })).body;
    expect(capped).toMatchObject({ total: 10_000, totalIsLowerBound: true });
    expect((await list({ q: 'invoice-real' })).body).toMatchObject({ total: 1, totalIsLowerBound: false });
    // A name search visits each match's row to count it, so it stops at 500 ("500+").
    expect((await list({ q: 'bulk', pageSize: 1 })).body).toMatchObject({
      total: 500,
      totalIsLowerBound: true,
    });
    // Two letters match the start of a name's words (no trigram), counted the same way.
    expect((await list({ q: 'bu', pageSize: 1 })).body).toMatchObject({
      total: 500,
      totalIsLowerBound: true,
    });
    expect((await list({ q: 'ul', pageSize: 1 })).body).toMatchObject({ items: [], total: 0 });
  }, 60_000);

  it('never returns another account’s files, by search, filter or cursor', async () => {
    const tenant = await createTenant(t, owner);
    const mine = await list({ q: 'old', pageSize: 3 });
    expect(mine.body.total).toBeGreaterThan(0);
    for (const query of [
      { q: 'old' },
      { q: 'invoice' },
      { type: 'pdf' },
      { cursor: mine.body.nextCursor },
    ] as Record<string, string>[]) {
      expect((await list(query, tenant.admin.auth)).body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('walks the audit log by cursor without gaps or repeats while events are added', async () => {
    const addEvents = (n: number) =>
      db.query(
        `INSERT INTO audit_events (account_id, action, outcome, actor_role, actor_name, created_at)
         SELECT $1, 'attachment.download', 'success', 'operator', 'Bench', now() - (i % 3) * interval '1 microsecond'
           FROM generate_series(1, $2) AS i`,
        [accountId, n],
      );
    await addEvents(90);
    const before: string[] = (
      await db.query('SELECT id FROM audit_events WHERE account_id = $1', [accountId])
    ).map((r: { id: string }) => r.id);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = await request(t.url)
        .get('/v1/audit-events')
        .query({ pageSize: 13, ...(cursor ? { cursor } : {}) })
        .set(owner.auth)
        .expect(200);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      await addEvents(2);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
    await request(t.url).get('/v1/audit-events').query({ cursor: 'x' }).set(owner.auth).expect(400);
  });
});
