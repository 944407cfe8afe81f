import request from 'supertest';
import { accountWithOperator, startVisitorChat, type Session } from '../support/fixtures';
import {
  attachmentRows,
  pathOf,
  PNG,
  storedFiles,
  uploadFile,
  type UploadedAttachment,
} from '../support/files';
import { connect, connectionString } from '../support/socket';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Crafted requests on every endpoint family: each one is a 4xx with the JSON `{error, code?, field?}`
 * body (never a 500), and the server keeps answering.
 */
describe('crafted input', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;
  let visitor: { chatId: string; auth: { Authorization: string } };
  let file: UploadedAttachment;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, widgetKey } = await accountWithOperator(t));
    visitor = await startVisitorChat(t, widgetKey);
    file = await uploadFile(t, visitor.chatId, visitor.auth, 'photo.png', PNG);
  });
  afterAll(() => t?.close());

  afterEach(async () => {
    await request(t.url).get('/health').expect(200);
  });

  function expectRefused(res: request.Response, status: number, expected: Record<string, unknown> = {}) {
    expect({ status: res.status, body: res.body }).toMatchObject({
      status,
      body: { error: expect.any(String), ...expected },
    });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    if ('code' in res.body) expect(res.body.code).toEqual(expect.any(String));
  }

  const get = (path: string) => request(t.url).get(path).set(owner.auth);

  describe('query parameters given as arrays', () => {
    it('refuses a repeated sig on a signed download link, naming sig', async () => {
      const link = pathOf(file.url);
      await request(t.url).get(link).expect(200);
      expectRefused(await request(t.url).get(`${link}&sig=b`), 400, { code: 'INVALID_QUERY', field: 'sig' });
    });

    it('refuses sig[]= and a sig with a NUL byte (the expiry is signed inside sig)', async () => {
      const path = `/v1/attachments/${file.id}/content`;
      expectRefused(await request(t.url).get(`${path}?sig[]=x`), 400, {
        code: 'INVALID_QUERY',
        field: 'sig[]',
      });
      expectRefused(await request(t.url).get(`${path}?sig=a%00b`), 400, {
        code: 'CONTROL_CHARACTERS',
        field: 'sig',
      });
    });

    it('refuses q[]=x and q[a]=x forms', async () => {
      expectRefused(await get('/v1/attachments?q[]=x'), 400, { code: 'INVALID_QUERY', field: 'q[]' });
      expectRefused(await get('/v1/chats?q[a]=x'), 400, { code: 'INVALID_QUERY', field: 'q[a]' });
    });

    it('refuses page=1&page=2', async () => {
      expectRefused(await get('/v1/attachments?page=1&page=2'), 400, {
        code: 'INVALID_QUERY',
        field: 'page',
      });
    });
  });

  describe('control characters', () => {
    it('refuses a NUL byte in the file-name search q', async () => {
      expectRefused(await get('/v1/attachments?q=a%00b'), 400, { code: 'CONTROL_CHARACTERS', field: 'q' });
    });

    it('refuses control characters in the chat search', async () => {
      expectRefused(await get('/v1/chats?q=%07bell'), 400, { code: 'CONTROL_CHARACTERS', field: 'q' });
    });

    it('refuses a NUL byte in a path parameter (download by name)', async () => {
      const res = await request(t.url)
        .get(`/v1/chats/${visitor.chatId}/files/photo%00.png`)
        .set(visitor.auth);
      expectRefused(res, 400, { code: 'CONTROL_CHARACTERS', field: 'name' });
    });

    it('refuses a NUL byte in a message text, and keeps newlines and tabs', async () => {
      const send = (text: string) =>
        request(t.url).post(`/v1/chats/${visitor.chatId}/messages`).set(visitor.auth).send({ text });
      expectRefused(await send('hello\u0000world'), 400, { code: 'CONTROL_CHARACTERS', field: 'text' });
      const ok = await send('line one\r\n\tline two').expect(201);
      expect(ok.body.text).toBe('line one\r\n\tline two');
    });

    it('refuses control characters in a visitor name and in a nested body field', async () => {
      const res = await request(t.url).post('/v1/widget/chats').send({ widgetKey, name: 'Eve\u001b[31m' });
      expectRefused(res, 400, { code: 'CONTROL_CHARACTERS', field: 'name' });
      const put = await request(t.url)
        .put('/v1/settings/uploads')
        .set(owner.auth)
        .send({ visitor: { allowedTypes: 'png\u0000|exe' } });
      expectRefused(put, 400, { code: 'CONTROL_CHARACTERS', field: 'visitor.allowedTypes' });
    });

    it('refuses a NUL byte in a multipart text field and stores no file', async () => {
      const [rows, files] = [await attachmentRows(t), storedFiles(t).length];
      const res = await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/messages/with-files`)
        .set(visitor.auth)
        .field('text', 'see\u0000attached')
        .attach('files', PNG, 'a.png');
      expectRefused(res, 400, { code: 'CONTROL_CHARACTERS', field: 'text' });
      expect(await attachmentRows(t)).toBe(rows);
      expect(storedFiles(t).length).toBe(files);
    });

    it('refuses a NUL byte in a socket message like the REST endpoint, and stores nothing', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const { socket, session } = await connect(t.url, {
        chatId: v.chatId,
        connectionString: await connectionString(t.url, v.chatId, v.auth),
      });
      try {
        const ack = await socket.emitWithAck('message:send', {
          text: 'zero\u0000byte',
          messageString: session.messageString,
        });
        expect(ack).toMatchObject({ ok: false, error: expect.stringContaining('control characters') });
      } finally {
        socket.close();
      }
      const history = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
      expect(history.body).toEqual([]);
    });

    it('refuses a lone surrogate in JSON text (an email validator would throw on it)', async () => {
      const res = await request(t.url)
        .post('/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email": "\\ud800@crafted.test", "password": "whatever-1"}');
      expectRefused(res, 400, { code: 'INVALID_TEXT', field: 'email' });
      const user = await request(t.url)
        .post('/v1/users')
        .set(owner.auth)
        .set('Content-Type', 'application/json')
        .send(
          '{"email": "\\ud800@crafted.test", "name": "S", "role": "operator", "password": "password-123"}',
        );
      expectRefused(user, 400, { code: 'INVALID_TEXT', field: 'email' });
    });

    it('refuses a NUL byte in a from-URL source', async () => {
      const res = await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/attachments/from-url`)
        .set(visitor.auth)
        .send({ sourceUrl: 'http://127.0.0.1/\u0000' });
      expectRefused(res, 400, { code: 'CONTROL_CHARACTERS', field: 'sourceUrl' });
    });
  });

  describe('number ranges', () => {
    it.each([
      ['/v1/attachments?page=1e20', 'page', 1, 100000],
      ['/v1/attachments?page=0', 'page', 1, 100000],
      ['/v1/attachments?page=100001', 'page', 1, 100000],
      ['/v1/attachments?pageSize=1.5', 'pageSize', 1, 200],
      ['/v1/chats?pageSize=-5', 'pageSize', 1, 200],
      ['/v1/deliveries?page=0x10', 'page', 1, 100000],
      ['/v1/audit-events?page=', 'page', 1, 100000],
      ['/v1/inbox?offset=1e20', 'offset', 0, 100000],
      ['/v1/inbox?limit=-1', 'limit', 1, 500],
      ['/v1/inbox?limit=abc', 'limit', 1, 500],
    ])('%s → 400 naming the allowed range', async (path, field, min, max) => {
      const res = await get(path);
      expectRefused(res, 400, { code: 'OUT_OF_RANGE', field, min, max });
      expect(res.body.error).toContain(`from ${min} to ${max}`);
    });

    it('refuses a message page limit out of range', async () => {
      const res = await request(t.url)
        .get(`/v1/chats/${visitor.chatId}/messages?limit=99999999999999999999`)
        .set(visitor.auth);
      expectRefused(res, 400, { code: 'OUT_OF_RANGE', field: 'limit', min: 1, max: 200 });
    });

    it('still accepts in-range values', async () => {
      const res = await get('/v1/attachments?page=2&pageSize=200').expect(200);
      expect(res.body).toMatchObject({ page: 2, pageSize: 200 });
      await get('/v1/inbox?limit=500&offset=100000').expect(200);
    });
  });

  describe('Idempotency-Key scope (the account)', () => {
    const send = (chatId: string, auth: Record<string, string>, key: string) =>
      request(t.url)
        .post(`/v1/chats/${chatId}/attachments`)
        .set(auth)
        .set('Idempotency-Key', key)
        .attach('files', PNG, 'keyed.png');

    it('a key reused in another chat of the same account is a 409 with a code, and stores nothing', async () => {
      const other = await startVisitorChat(t, widgetKey);
      await send(visitor.chatId, visitor.auth, 'scope-key-0001').expect(201);
      const [rows, files] = [await attachmentRows(t), storedFiles(t).length];
      const res = await send(other.chatId, other.auth, 'scope-key-0001');
      expectRefused(res, 409, { code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
      expect(await attachmentRows(t)).toBe(rows);
      expect(storedFiles(t).length).toBe(files);
      await send(other.chatId, other.auth, 'scope-key-0002').expect(201);
    });
  });

  describe('bodies', () => {
    it('refuses malformed JSON', async () => {
      const res = await request(t.url)
        .post('/v1/chats')
        .set(owner.auth)
        .set('Content-Type', 'application/json')
        .send('{"visitorName": ');
      expectRefused(res, 400);
    });

    it('refuses an array where an object is expected', async () => {
      const res = await request(t.url)
        .put('/v1/settings/uploads')
        .set(owner.auth)
        .send([{ visitor: {} }]);
      expectRefused(res, 400);
      const login = await request(t.url).post('/v1/auth/login').send([]);
      expectRefused(login, 400);
    });

    it('refuses wrong JSON types', async () => {
      const res = await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/messages`)
        .set(visitor.auth)
        .send({
          text: { $ne: null },
        });
      expectRefused(res, 400, { field: 'text' });
      const ids = await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/messages`)
        .set(visitor.auth)
        .send({ attachmentIds: 'not-an-array' });
      expectRefused(ids, 400, { field: 'attachmentIds' });
    });

    it.each(['name', 'email', 'password', 'role', 'active'])(
      'refuses %s: null on a user (400, user unchanged)',
      async (field) => {
        const res = await request(t.url)
          .patch(`/v1/users/${owner.userId}`)
          .set(owner.auth)
          .send({ [field]: null });
        expectRefused(res, 400, { field });
        await request(t.url).get('/v1/auth/me').set(owner.auth).expect(200);
      },
    );

    it('refuses huge strings and bodies', async () => {
      const long = await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/messages`)
        .set(visitor.auth)
        .send({ text: 'x'.repeat(10_001) });
      expectRefused(long, 400, { field: 'text' });
      const huge = await request(t.url)
        .post('/v1/chats')
        .set(owner.auth)
        .send({ visitorName: 'x'.repeat(2 * 1024 * 1024) });
      expectRefused(huge, 413);
    });

    it('refuses a deeply nested body', async () => {
      let body: Record<string, unknown> = {};
      for (let i = 0; i < 100; i++) body = { a: body };
      const res = await request(t.url).put('/v1/settings/uploads').set(owner.auth).send(body);
      expectRefused(res, 400, { code: 'BODY_TOO_DEEP' });
    });
  });

  describe('paths and enums', () => {
    it.each([
      ['get', '/v1/chats/not-a-uuid'],
      ['get', '/v1/attachments/1%27%20OR%201=1/content'],
      ['delete', '/v1/api-tokens/zzz'],
      ['patch', '/v1/users/00000000-0000-0000-0000-00000000000g'],
      ['post', '/v1/deliveries/..%2F..%2Fetc/retry'],
      ['post', '/v1/inbox/42/read'],
      ['get', '/v1/chats/00000000-0000-0000-0000-000000000000x/file-requests'],
    ] as const)('%s %s (invalid UUID) → 400', async (method, path) => {
      const res = await request(t.url)[method](path).set(owner.auth).send({});
      expectRefused(res, 400, { code: 'INVALID_ID', field: expect.stringMatching(/^(id|chatId)$/) });
    });

    it.each([
      '/v1/attachments?sort=evil',
      '/v1/attachments?role=root',
      '/v1/deliveries?status=lost',
      '/v1/deliveries?kind=carrier-pigeon',
      '/v1/chats?status=maybe',
      '/v1/audit-events?from=yesterday',
    ])('%s (unknown enum or format) → 400', async (path) => {
      expectRefused(await get(path), 400);
    });

    it('refuses unknown enum values in bodies', async () => {
      const user = await request(t.url)
        .post('/v1/users')
        .set(owner.auth)
        .send({ email: 'god@crafted.test', name: 'G', role: 'god', password: 'password-123' });
      expectRefused(user, 400, { field: 'role' });
      const events = await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ eventTypes: ['attachment.exploded'] });
      expectRefused(events, 400, { field: 'eventTypes' });
    });
  });
});
