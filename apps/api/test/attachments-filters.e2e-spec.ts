import { waitUntil } from '@satchel/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { pdfOfSize, PNG, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

/** The admin filters beyond name/type/date: uploader, visitor, size and the per-file states. */
describe('admin listing filters (GET /v1/attachments)', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: Session;
  const id: Record<string, string> = {};
  let operatorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const account = await accountWithOperator(t);
    owner = account.owner;
    const ada = await startVisitorChat(t, account.widgetKey, 'Ada Lovelace');
    const bob = await startVisitorChat(t, account.widgetKey, 'Bob Builder');
    const up = async (chat: string, auth: Record<string, string>, name: string, body: Buffer) =>
      (await uploadFile(t, chat, auth, name, body)).id;
    id.adaPng = await up(ada.chatId, ada.auth, 'ada.png', PNG);
    id.adaPdf = await up(ada.chatId, account.operator.auth, 'reply.pdf', pdfOfSize(40_000));
    id.bobPdf = await up(bob.chatId, bob.auth, 'bob.pdf', pdfOfSize(8_000));
    const listed = await request(t.url).get(`/v1/attachments/${id.adaPdf}`).set(owner.auth).expect(200);
    operatorId = listed.body.uploadedBy.id;
  }, 60_000);
  afterAll(() => t.close());

  const names = async (query: Record<string, string | number>, auth = owner.auth) =>
    (await request(t.url).get('/v1/attachments').query(query).set(auth).expect(200)).body.items
      .map((a: { name: string }) => a.name)
      .sort();

  it('filters by the uploading user and by the chat’s visitor name or email', async () => {
    expect(await names({ uploaderId: operatorId })).toEqual(['reply.pdf']);
    expect(await names({ visitor: 'lovelace' })).toEqual(['ada.png', 'reply.pdf']);
    expect(await names({ visitor: 'BOB' })).toEqual(['bob.pdf']);
    expect(await names({ visitor: '%' })).toEqual([]);
  });

  it('filters by size in bytes, both bounds inclusive', async () => {
    expect(await names({ minSize: 40_000 })).toEqual(['reply.pdf']);
    expect(await names({ maxSize: 8_000 })).toEqual(['ada.png', 'bob.pdf']);
    expect(await names({ minSize: 8_000, maxSize: 8_000 })).toEqual(['bob.pdf']);
  });

  it('filters by preview, scan and export state', async () => {
    const previewOf = async (file: string) =>
      (await request(t.url).get(`/v1/attachments/${file}`).set(owner.auth).expect(200)).body.preview
        .status as string;
    await waitUntil('the preview to settle', async () => (await previewOf(id.adaPng)) !== 'pending', 20_000);
    const settled = await previewOf(id.adaPng);
    expect(await names({ preview: settled, type: 'image/*' })).toEqual(['ada.png']);
    expect(await names({ preview: 'pending', type: 'image/*' })).toEqual([]);
    await db.query(`UPDATE attachments SET scan_status = 'clean' WHERE id = $1`, [id.bobPdf]);
    expect(await names({ scan: 'clean' })).toEqual(['bob.pdf']);
    expect(await names({ scan: 'none' })).toEqual(['ada.png', 'reply.pdf']);
    const [{ account_id }] = await db.query('SELECT account_id FROM attachments WHERE id = $1', [id.adaPdf]);
    await db.query(
      `INSERT INTO deliveries (account_id, kind, attachment_id, status, attempts, last_error)
       VALUES ($1, 'export', $2, 'failed', 5, 'AccessDenied')`,
      [account_id, id.adaPdf],
    );
    expect(await names({ export: 'failed' })).toEqual(['reply.pdf']);
    expect(await names({ export: 'none' })).toEqual(['ada.png', 'bob.pdf']);
    expect(await names({ export: 'failed', visitor: 'bob' })).toEqual([]);
  });

  it('refuses malformed filters with 400 and a code, never 500', async () => {
    for (const query of [
      { minSize: '-1' },
      { maxSize: '1e9' },
      { scan: 'maybe' },
      { preview: 'x' },
      { export: 'done' },
      { uploaderId: 'not-a-uuid' },
      { visitor: 'x'.repeat(201) },
    ]) {
      const res = await request(t.url).get('/v1/attachments').query(query).set(owner.auth);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(typeof res.body.code).toBe('string');
    }
  });

  it('never matches another account’s visitors or uploaders', async () => {
    const tenant = await createTenant(t, owner);
    expect(await names({ visitor: 'lovelace' }, tenant.admin.auth)).toEqual([]);
    expect(await names({ uploaderId: operatorId }, tenant.admin.auth)).toEqual([]);
  });
});
