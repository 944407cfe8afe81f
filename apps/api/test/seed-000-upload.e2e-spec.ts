import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createApiToken, startVisitorChat, type Session } from './support/fixtures';
import { attachmentRows, HTML, pdfOfSize, PNG, storedFiles } from './support/files';
import { loadConfig } from '../src/config/app-config';
import { startTestApp, type TestApp } from './support/test-app';

/** The exact bytes seed 000's FastAPI endpoint answers (keys in its order). */
const success = (files: { filename: string; content_type: string; size: number }[]) =>
  JSON.stringify({ status: 'success', message: `${files.length} files uploaded successfully.`, files });
const refusal = (message: string) => JSON.stringify({ status: 'error', message });

describe('seed 000: POST /upload_attachments', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let api: { Authorization: string };
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
    api = await createApiToken(t, owner);
  });
  afterAll(() => t.close());

  const post = (path = '/upload_attachments') => request(t.url).post(path);
  const spooled = () => {
    const dir = join(t.dataDir, 'tmp', 'uploads');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  async function leavesNothing(work: () => Promise<unknown>) {
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    await work();
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
    expect(spooled()).toEqual([]);
  }

  it('stores several files for user_id (sent after the files, as FormData does) and answers as the seed', async () => {
    const pdf = pdfOfSize(30_000);
    const res = await post()
      .set(api)
      .attach('files', PNG, 'dot.png')
      .attach('files', pdf, 'report.pdf')
      .field('user_id', 'customer-42')
      .expect(200)
      .expect('content-type', /application\/json/);
    expect(res.text).toBe(
      success([
        { filename: 'dot.png', content_type: 'image/png', size: PNG.length },
        { filename: 'report.pdf', content_type: 'application/pdf', size: pdf.length },
      ]),
    );
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT end_user_id, chat_id, source FROM attachments ORDER BY created_at DESC LIMIT 2`);
    expect(rows).toEqual([
      { end_user_id: 'customer-42', chat_id: null, source: 'seed-upload' },
      { end_user_id: 'customer-42', chat_id: null, source: 'seed-upload' },
    ]);
    expect(spooled()).toEqual([]);
  });

  it('answers under /v1 too, by an admin token, with the detected type (not the declared one)', async () => {
    const res = await post('/v1/upload_attachments')
      .set(owner.auth)
      .field('user_id', 'u')
      .attach('files', PNG, { filename: 'dot.png', contentType: 'application/pdf' })
      .expect(200);
    expect(res.text).toBe(success([{ filename: 'dot.png', content_type: 'image/png', size: PNG.length }]));
  });

  it('chat_id puts the files in that chat, where its participants find them', async () => {
    const chat = await startVisitorChat(t, widgetKey);
    await post()
      .set(api)
      .field('chat_id', chat.chatId)
      .field('user_id', 'vera')
      .attach('files', PNG, 'in-chat.png')
      .expect(200);
    const dl = await request(t.url)
      .get(`/v1/chats/${chat.chatId}/files/in-chat.png`)
      .set(chat.auth)
      .expect(200);
    expect(Buffer.compare(dl.body as Buffer, PNG)).toBe(0);
    const list = await request(t.url)
      .get(`/v1/attachments?chatId=${chat.chatId}`)
      .set(owner.auth)
      .expect(200);
    expect(list.body.items[0]).toMatchObject({ name: 'in-chat.png', endUserId: 'vera', chatId: chat.chatId });
  });

  it.each([
    ['no user_id', (r: request.Test) => r.attach('files', PNG, 'a.png'), 400, 'user_id is required'],
    [
      'an empty user_id',
      (r: request.Test) => r.field('user_id', '').attach('files', PNG, 'a.png'),
      400,
      'user_id is required',
    ],
    ['no files', (r: request.Test) => r.field('user_id', 'u'), 400, 'files is required'],
    ['a JSON body', (r: request.Test) => r.send({ user_id: 'u' }), 400, 'files is required'],
    [
      'a type outside the rule',
      (r: request.Test) =>
        r.field('user_id', 'u').attach('files', PNG, 'a.png').attach('files', PNG, 'x.exe'),
      415,
      'x.exe: file type .exe is not allowed (allowed: jpg, jpeg, png, gif, heic, heif, pdf, doc, docx, xls, xlsx)',
    ],
    [
      'content that is not what its name says',
      (r: request.Test) => r.field('user_id', 'u').attach('files', HTML, 'a.pdf'),
      415,
      'a.pdf: the content is text/html, not a .pdf file',
    ],
    [
      'a file over the size limit',
      (r: request.Test) => r.field('user_id', 'u').attach('files', pdfOfSize(5 * 1024 * 1024 + 1), 'big.pdf'),
      413,
      'big.pdf: file is larger than the limit of 5120 KB',
    ],
    [
      'an unknown chat_id',
      (r: request.Test) =>
        r
          .field('user_id', 'u')
          .field('chat_id', '00000000-0000-4000-8000-000000000000')
          .attach('files', PNG, 'a.png'),
      404,
      'Chat not found',
    ],
    [
      'a malformed chat_id',
      (r: request.Test) => r.field('user_id', 'u').field('chat_id', '../x').attach('files', PNG, 'a.png'),
      400,
      'chat_id must be a chat id (UUID)',
    ],
  ])('refuses %s in the seed shape, leaving nothing behind', async (_label, build, status, message) => {
    await leavesNothing(async () => {
      const res = await build(post().set(api)).expect(status);
      expect(res.text).toBe(refusal(message));
    });
  });

  it('is for API and admin tokens: 401 without a token, 403 for an operator, 404 for a visitor', async () => {
    const chat = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      expect((await post().field('user_id', 'u').attach('files', PNG, 'a.png').expect(401)).text).toBe(
        refusal('Unauthorized'),
      );
      const op = await post()
        .set(operator.auth)
        .field('user_id', 'u')
        .attach('files', PNG, 'a.png')
        .expect(403);
      expect(JSON.parse(op.text)).toEqual({ status: 'error', message: expect.any(String) });
      await post().set(chat.auth).field('user_id', 'u').attach('files', PNG, 'a.png').expect(404);
    });
  });
});

describe("seed 000's settings table as environment defaults", () => {
  let t: TestApp;
  let owner: Session;
  const storage = join(tmpdir(), `satchel-seed000-${process.pid}`);

  beforeAll(async () => {
    t = await startTestApp({
      MAX_FILE_SIZE: '1',
      ALLOWED_FILE_TYPES: '.pdf, .PNG',
      ATTACHMENT_STORAGE_PATH: storage,
      GENERATE_THUMBNAILS: 'false',
      ACCESS_TOKEN_REQUIRED: 'false',
      LOGGING_ENABLED: 'false',
    });
    ({ owner } = await accountWithOperator(t));
  });
  afterAll(async () => {
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  it('every account inherits them until it sets its own', async () => {
    const res = await request(t.url).get('/v1/settings/uploads').set(owner.auth).expect(200);
    expect(res.body).toMatchObject({
      operator: { enabled: true, allowedTypes: 'pdf|png', maxSizeKb: 1024 },
      visitor: { enabled: true, allowedTypes: 'pdf|png', maxSizeKb: 1024 },
      accessTokenRequired: false,
      loggingEnabled: false,
      generateThumbnails: false,
    });
    const big = await request(t.url)
      .post('/upload_attachments')
      .set(owner.auth)
      .field('user_id', 'u')
      .attach('files', pdfOfSize(1024 * 1024 + 1), 'big.pdf')
      .expect(413);
    expect(big.text).toBe(refusal('big.pdf: file is larger than the limit of 1024 KB'));
    const audit = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'upload'`);
    expect(audit[0].n).toBe(0);
  });

  it('attachment_storage_path is where files are stored', async () => {
    await request(t.url)
      .post('/upload_attachments')
      .set(owner.auth)
      .field('user_id', 'u')
      .attach('files', PNG, 'a.png')
      .expect(200);
    expect(readdirSync(join(storage, 'accounts'))).toHaveLength(1);
  });

  it('refuses an unknown type in ALLOWED_FILE_TYPES at start, naming the variable', () => {
    expect(() => loadConfig({ ALLOWED_FILE_TYPES: '.pdf, .exe' })).toThrow(
      /ALLOWED_FILE_TYPES: must list known extensions/,
    );
  });
});
