import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  accountWithOperator,
  createApiToken,
  createTenant,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { pdfOfSize, PNG, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('admin listing (GET /v1/attachments)', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let chatA: string;
  let chatB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const account = await accountWithOperator(t);
    ({ owner, operator } = account);
    const a = await startVisitorChat(t, account.widgetKey);
    const b = await startVisitorChat(t, account.widgetKey);
    chatA = a.chatId;
    chatB = b.chatId;
    await uploadFile(t, chatA, a.auth, 'Invoice-March.png', PNG);
    await uploadFile(t, chatA, operator.auth, 'invoice-april.pdf', pdfOfSize(30_000));
    await uploadFile(t, chatB, b.auth, 'contract.pdf', pdfOfSize(10_000));
    await uploadFile(t, chatB, operator.auth, 'logo.png', PNG);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>, auth: Record<string, string> = owner.auth) =>
    request(t.url).get('/v1/attachments').query(query).set(auth).expect(200);
  const names = (res: request.Response) => res.body.items.map((a: { name: string }) => a.name);

  it('lists the account’s files newest first with a total', async () => {
    const res = await list({});
    expect(names(res)).toEqual(['logo.png', 'contract.pdf', 'invoice-april.pdf', 'Invoice-March.png']);
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 25 });
  });

  it('filters by chat, uploader role, type, date range and file name', async () => {
    expect(names(await list({ chatId: chatA }))).toEqual(['invoice-april.pdf', 'Invoice-March.png']);
    expect(names(await list({ role: 'visitor' }))).toEqual(['contract.pdf', 'Invoice-March.png']);
    expect(names(await list({ type: 'pdf' }))).toEqual(['contract.pdf', 'invoice-april.pdf']);
    expect(names(await list({ type: 'image/*' }))).toEqual(['logo.png', 'Invoice-March.png']);
    expect(names(await list({ type: 'application/pdf', chatId: chatB }))).toEqual(['contract.pdf']);
    expect(names(await list({ q: 'INVOICE' }))).toEqual(['invoice-april.pdf', 'Invoice-March.png']);
    expect(names(await list({ q: '100%_' }))).toEqual([]);
    // One or two characters match the start of a word of the name, in any case.
    expect(names(await list({ q: 'Ma' }))).toEqual(['Invoice-March.png']);
    expect(names(await list({ q: 'l' }))).toEqual(['logo.png']);
    expect(names(await list({ q: 'og' }))).toEqual([]);
    expect((await list({ from: new Date(Date.now() + 60_000).toISOString() })).body.total).toBe(0);
    expect((await list({ to: new Date(Date.now() + 60_000).toISOString() })).body.total).toBe(4);
  });

  it('sorts and paginates', async () => {
    expect(names(await list({ sort: 'name', order: 'asc' }))).toEqual([
      'contract.pdf',
      'invoice-april.pdf',
      'Invoice-March.png',
      'logo.png',
    ]);
    expect(names(await list({ sort: 'size', order: 'desc' }))[0]).toBe('invoice-april.pdf');
    const page2 = await list({ sort: 'name', order: 'asc', page: 2, pageSize: 3 });
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(page2)).toEqual(['logo.png']);
    await request(t.url).get('/v1/attachments').query({ sort: 'storage_key' }).set(owner.auth).expect(400);
  });

  it('is for admins and API tokens, scoped to the account', async () => {
    await request(t.url).get('/v1/attachments').set(operator.auth).expect(403);
    expect((await list({}, await createApiToken(t, owner))).body.total).toBe(4);
    const tenant = await createTenant(t, owner);
    expect((await list({}, tenant.admin.auth)).body.total).toBe(0);
  });

  it('searches names through the trigram index on a large table', async () => {
    const db = t.app.get(DataSource);
    const [{ id: accountId }] = await db.query('SELECT id FROM accounts ORDER BY created_at LIMIT 1');
    await db.query(
      `INSERT INTO attachments (account_id, chat_id, name, extension, size, content_type, sha256, storage_driver, storage_key, source, uploaded_by_role, uploaded_by_name)
       SELECT $1, $2, 'scan-' || md5(i::text) || '.pdf', 'pdf', 1000, 'application/pdf', md5(i::text), 'disk', 'bulk/' || i, 'upload', 'visitor', 'Visitor'
         FROM generate_series(1, 50000) AS i`,
      [accountId, chatB],
    );
    await db.query('ANALYZE attachments');
    const plan = await db.query(
      `EXPLAIN SELECT id FROM attachments WHERE account_id = $1 AND name ILIKE $2`,
      [accountId, '%ab12cd%'],
    );
    expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain(
      'attachments_name_trgm_idx',
    );
    const started = Date.now();
    const res = await list({ q: 'invoice-april' });
    expect(names(res)).toEqual(['invoice-april.pdf']);
    expect(Date.now() - started).toBeLessThan(1000);
  }, 120_000);
});
