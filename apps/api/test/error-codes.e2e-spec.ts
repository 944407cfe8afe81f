import { ERROR_CODES } from '@satchel/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { HTML, pdfOfSize, PNG, setUploadSettings, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('every error answers with a stable code', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
  });
  afterAll(() => t.close());

  const upload = (chatId: string, auth: Record<string, string>) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments`).set(auth);

  it('names what went wrong for authentication, routing, validation and malformed JSON', async () => {
    expect((await request(t.url).get('/v1/chats').expect(401)).body.code).toBe('UNAUTHORIZED');
    expect((await request(t.url).get('/v1/no-such-route').set(owner.auth).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    const invalid = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: 'x', password: 'y' })
      .expect(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    const broken = await request(t.url)
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(broken.body.code).toBe('INVALID_JSON');
  });

  it('tells a client which upload rule refused its file', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await setUploadSettings(t, owner.auth, { visitor: { enabled: false } });
    expect((await upload(v.chatId, v.auth).attach('files', PNG, 'a.png').expect(403)).body.code).toBe(
      'UPLOADS_DISABLED',
    );
    await setUploadSettings(t, owner.auth, { visitor: { enabled: true, allowedTypes: 'pdf', maxSizeKb: 1 } });
    expect((await upload(v.chatId, v.auth).attach('files', PNG, 'a.png').expect(415)).body.code).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(
      (await upload(v.chatId, v.auth).attach('files', pdfOfSize(4096), 'big.pdf').expect(413)).body,
    ).toMatchObject({ code: 'FILE_TOO_LARGE', limitKb: 1 });
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'pdf|png', maxSizeKb: 1024 } });
    expect((await upload(v.chatId, v.auth).attach('files', HTML, 'fake.pdf').expect(415)).body.code).toBe(
      'CONTENT_MISMATCH',
    );
  });

  it('codes a range outside the file and an unexpected failure', async () => {
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png' } });
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'dot.png', PNG);
    const range = await request(t.url)
      .get(`/v1/attachments/${a.id}/content`)
      .set(owner.auth)
      .set('Range', 'bytes=99999-')
      .expect(416);
    expect(JSON.parse(range.text)).toEqual({
      error: 'Range not satisfiable',
      code: 'RANGE_NOT_SATISFIABLE',
    });
    // Every query fails while the request runs: a once-only failure could be taken by a background
    // job (previews, text extraction) started by the upload above.
    const query = jest
      .spyOn(t.app.get(DataSource), 'query')
      .mockImplementation(() => Promise.reject(new Error('boom')));
    const res = await request(t.url).get('/v1/auth/me').set(owner.auth);
    query.mockRestore();
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: 'Internal server error',
      code: 'INTERNAL_ERROR',
      requestId: expect.any(String),
    });
  });

  it('keeps seed 001’s documented error body exactly as written', async () => {
    const res = await request(t.url).post('/v1/chat/upload').attach('file', PNG, 'a.png').expect(401);
    expect(res.text).toBe('{"error":"Unauthorized"}');
  });

  it('lists every code in the OpenAPI document', async () => {
    const doc = (await request(t.url).get('/docs-json').expect(200)).body;
    expect(doc.components.schemas.ErrorCode.enum).toEqual(Object.keys(ERROR_CODES));
    expect(doc.paths['/v1/auth/login'].post.responses.default.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
  });
});
