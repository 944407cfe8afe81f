import request from 'supertest';
import { DataSource } from 'typeorm';
import { PNG } from './support/files';
import {
  createApiToken,
  createOperator,
  createTenant,
  login,
  loginOwner,
  type Session,
} from './support/fixtures';
import { connect, connectionString } from './support/socket';
import { OWNER, startTestApp, type TestApp } from './support/test-app';

/** `trust proxy` is loopback: a test picks its own loopback client address per request. */
let ipSeq = 0;
const freshIp = () => `127.0.${Math.floor(++ipSeq / 250) + 10}.${(ipSeq % 250) + 1}`;

function expectRateLimited(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    error: expect.any(String),
    code: 'RATE_LIMITED',
    retryAfter: expect.any(Number),
  });
  expect(res.body.retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.headers['retry-after']).toBe(String(res.body.retryAfter));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limits', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  const startChat = (key = widgetKey, ip = freshIp()) =>
    request(t.url).post('/v1/widget/chats').set('X-Forwarded-For', ip).send({ widgetKey: key });
  const visitorChat = async (key = widgetKey) => {
    const res = await startChat(key).expect(201);
    return { chatId: res.body.chatId as string, auth: { Authorization: `Token ${res.body.visitorToken}` } };
  };
  const upload = (chatId: string, auth: Record<string, string>) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments`).set(auth).attach('files', PNG, 'dot.png');
  const rows = async (table: 'attachments' | 'messages', chatId: string) =>
    Number(
      (
        await t.app.get(DataSource).query(`SELECT count(*) AS n FROM ${table} WHERE chat_id = $1`, [chatId])
      )[0].n,
    );

  const allAttachments = async () =>
    Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM attachments`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_LOGIN_EMAIL: '3/2',
      RATE_LIMIT_LOGIN_IP: '4/60',
      RATE_LIMIT_CHAT_START_IP: '3/60',
      RATE_LIMIT_CHAT_START_WIDGET: '4/60',
      RATE_LIMIT_UPLOAD_VISITOR: '2/60',
      RATE_LIMIT_UPLOAD_TOKEN: '3/60',
      RATE_LIMIT_MESSAGE_SENDER: '3/60',
      RATE_LIMIT_MESSAGE_CHAT: '5/60',
      RATE_LIMIT_CONNECTION: '2/60',
      RATE_LIMIT_INTEGRATION_TEST: '2/60',
      RATE_LIMIT_DOWNLOAD_IP: '2/60',
    });
    owner = await loginOwner(t);
    widgetKey = (await request(t.url).get('/v1/account').set(owner.auth).expect(200)).body.widgetKey;
    // The first account needs many chats for these tests: its own override lifts the widget-key limit.
    await request(t.url)
      .put('/v1/settings/rate-limits')
      .set(owner.auth)
      .send({ overrides: { chat_start_widget: '1000/60' } })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('login', () => {
    const attempt = (email: string, password: string, ip: string) =>
      request(t.url).post('/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

    it('locks an email out after its failures, even with the right password, until the window ends', async () => {
      const { admin } = await createTenant(t, owner);
      const op = await createOperator(t, admin);
      for (let i = 0; i < 3; i++) await attempt(op.email, 'wrong-password', freshIp()).expect(401);
      expectRateLimited(await attempt(op.email, 'wrong-password', freshIp()));
      expectRateLimited(await attempt(op.email, 'operator-pass-1', freshIp()));
      // Time must pass here: the email's window (RATE_LIMIT_LOGIN_EMAIL 3/2) is kept by Redis key
      // expiry, which no test clock drives; 2.1 s is just past its 2 s.
      await sleep(2100);
      await attempt(op.email, 'operator-pass-1', freshIp()).expect(200);
    });

    it('a successful login resets the email counter', async () => {
      const { admin } = await createTenant(t, owner);
      const op = await createOperator(t, admin);
      for (let i = 0; i < 2; i++) await attempt(op.email, 'wrong-password', freshIp()).expect(401);
      await attempt(op.email, 'operator-pass-1', freshIp()).expect(200);
      for (let i = 0; i < 2; i++) await attempt(op.email, 'wrong-password', freshIp()).expect(401);
      await attempt(op.email, 'operator-pass-1', freshIp()).expect(200);
    });

    it('counts failures per IP across emails', async () => {
      const ip = freshIp();
      for (let i = 0; i < 4; i++) await attempt(`nobody${i}@nowhere.test`, 'x-password', ip).expect(401);
      expectRateLimited(await attempt(OWNER.email, OWNER.password, ip));
      await attempt(OWNER.email, OWNER.password, freshIp()).expect(200);
    });

    it('shows a lockout to the admin of that user and to the owner, who can clear it', async () => {
      const { admin } = await createTenant(t, owner);
      const other = await createTenant(t, owner);
      const op = await createOperator(t, admin);
      for (let i = 0; i < 3; i++) await attempt(op.email, 'wrong-password', freshIp()).expect(401);
      expectRateLimited(await attempt(op.email, 'operator-pass-1', freshIp()));

      const key = `email:${op.email.toLowerCase()}`;
      const seen = await request(t.url).get('/v1/security/lockouts').set(admin.auth).expect(200);
      expect(seen.body.items).toEqual([
        expect.objectContaining({ key, kind: 'email', accountId: admin.accountId, failures: 3 }),
      ]);
      expect(seen.body.items[0].retryAfter).toBeGreaterThanOrEqual(1);
      const byOwner = await request(t.url).get('/v1/security/lockouts').set(owner.auth).expect(200);
      expect(byOwner.body.items.map((l: { key: string }) => l.key)).toContain(key);
      const byOther = await request(t.url).get('/v1/security/lockouts').set(other.admin.auth).expect(200);
      expect(byOther.body.items).toEqual([]);
      await request(t.url)
        .delete(`/v1/security/lockouts/${encodeURIComponent(key)}`)
        .set(other.admin.auth)
        .expect(404);
      const operator = await login(t, op.email, 'operator-pass-1').catch(() => null);
      expect(operator).toBeNull();
      await request(t.url).get('/v1/security/lockouts').set(op.auth).expect(403);

      await request(t.url)
        .delete(`/v1/security/lockouts/${encodeURIComponent(key)}`)
        .set(admin.auth)
        .expect(204);
      await attempt(op.email, 'operator-pass-1', freshIp()).expect(200);
      expect((await request(t.url).get('/v1/security/lockouts').set(admin.auth)).body.items).toEqual([]);
    });
  });

  describe('widget chat start', () => {
    it('limits chats started from one IP', async () => {
      const ip = freshIp();
      for (let i = 0; i < 3; i++) await startChat(widgetKey, ip).expect(201);
      expectRateLimited(await startChat(widgetKey, ip));
      await startChat(widgetKey, freshIp()).expect(201);
    });

    it('limits chats per widget key, whatever the IP', async () => {
      const { account } = await createTenant(t, owner);
      for (let i = 0; i < 4; i++) await startChat(account.widgetKey).expect(201);
      expectRateLimited(await startChat(account.widgetKey));
      await startChat(widgetKey).expect(201);
    });
  });

  describe('uploads', () => {
    it('limits uploads and from-URL per visitor; a refused upload stores nothing', async () => {
      const chat = await visitorChat();
      for (let i = 0; i < 2; i++) await upload(chat.chatId, chat.auth).expect(201);
      expectRateLimited(await upload(chat.chatId, chat.auth));
      expectRateLimited(
        await request(t.url)
          .post(`/v1/chats/${chat.chatId}/attachments/from-url`)
          .set(chat.auth)
          .send({ sourceUrl: 'http://127.0.0.1:9/x.png' }),
      );
      expect(await rows('attachments', chat.chatId)).toBe(2);
      const next = await visitorChat();
      await upload(next.chatId, next.auth).expect(201);
    });

    it('limits uploads per API token, seed 001 upload included', async () => {
      const api = await createApiToken(t, owner);
      const chat = await visitorChat();
      for (let i = 0; i < 2; i++) await upload(chat.chatId, api).expect(201);
      await request(t.url)
        .post('/v1/chat/upload/')
        .set(api)
        .field('session_id', chat.chatId)
        .attach('file', PNG, 'dot.png')
        .expect(200);
      const before = await allAttachments();
      expectRateLimited(await upload(chat.chatId, api));
      expect(await allAttachments()).toBe(before);
      await upload(chat.chatId, await createApiToken(t, owner)).expect(201);
    });

    it('applies an account override set by its admin (per-account upload limit)', async () => {
      const tenant = await createTenant(t, owner);
      await request(t.url)
        .put('/v1/settings/rate-limits')
        .set(tenant.admin.auth)
        .send({ overrides: { upload_account: '2/60' } })
        .expect(200);
      const chat = await visitorChat(tenant.account.widgetKey);
      await upload(chat.chatId, chat.auth).expect(201);
      await upload(chat.chatId, tenant.admin.auth).expect(201);
      expectRateLimited(await upload(chat.chatId, await createApiToken(t, tenant.admin)));
      expect(await rows('attachments', chat.chatId)).toBe(2);
      // Other accounts keep the default.
      const mine = await visitorChat();
      await upload(mine.chatId, owner.auth).expect(201);
    });
  });

  describe('messages', () => {
    it('limits HTTP messages per sender and per chat; refused messages are not stored', async () => {
      const chat = await visitorChat();
      const send = (auth: Record<string, string>, text: string) =>
        request(t.url).post(`/v1/chats/${chat.chatId}/messages`).set(auth).send({ text });
      for (let i = 0; i < 3; i++) await send(chat.auth, `v${i}`).expect(201);
      expectRateLimited(await send(chat.auth, 'too many'));
      const op = await createOperator(t, owner);
      for (let i = 0; i < 2; i++) await send(op.auth, `o${i}`).expect(201);
      expectRateLimited(await send(op.auth, 'chat is full'));
      expect(await rows('messages', chat.chatId)).toBe(5);
    });

    it('refuses socket messages beyond the per-socket limit with a RATE_LIMITED ack', async () => {
      const chat = await visitorChat();
      const { socket, session } = await connect(t.url, {
        chatId: chat.chatId,
        connectionString: await connectionString(t.url, chat.chatId, chat.auth),
      });
      try {
        let messageString = session.messageString;
        for (let i = 0; i < 3; i++) {
          const ack = await socket.emitWithAck('message:send', { text: `s${i}`, messageString });
          expect(ack.ok).toBe(true);
          messageString = ack.nextMessageString ?? '';
        }
        const refused = await socket.emitWithAck('message:send', { text: 'flood', messageString });
        expect(refused).toEqual({
          ok: false,
          error: expect.any(String),
          code: 'RATE_LIMITED',
          retryAfter: expect.any(Number),
          nextMessageString: messageString,
        });
        expect(await rows('messages', chat.chatId)).toBe(3);
      } finally {
        socket.close();
      }
    });
  });

  it('limits connection strings per token', async () => {
    const chat = await visitorChat();
    for (let i = 0; i < 2; i++) await connectionString(t.url, chat.chatId, chat.auth);
    expectRateLimited(await request(t.url).post(`/v1/chats/${chat.chatId}/connection`).set(chat.auth));
  });

  it('limits callback and S3 connection tests per account', async () => {
    const { admin } = await createTenant(t, owner);
    const test = () =>
      request(t.url).post('/v1/settings/callback/test').set(admin.auth).send({ url: 'http://127.0.0.1:9/' });
    for (let i = 0; i < 2; i++) expect((await test()).status).not.toBe(429);
    expectRateLimited(await test());
    expectRateLimited(
      await request(t.url).post('/v1/settings/s3-export/test').set(admin.auth).send({ bucket: 'b' }),
    );
  });

  it('limits public downloads per IP', async () => {
    const chat = await visitorChat();
    const stored = await upload(chat.chatId, owner.auth).expect(201);
    const url = new URL(stored.body[0].url as string);
    const ip = freshIp();
    const get = (from: string) =>
      request(t.url).get(`${url.pathname}${url.search}`).set('X-Forwarded-For', from);
    for (let i = 0; i < 2; i++) await get(ip).expect(200);
    expectRateLimited(await get(ip));
    await get(freshIp()).expect(200);
  });

  describe('per-account overrides', () => {
    it('lists every limit with its default, override and effective value', async () => {
      const { admin } = await createTenant(t, owner);
      const res = await request(t.url).get('/v1/settings/rate-limits').set(admin.auth).expect(200);
      expect(res.body.limits).toContainEqual({
        policy: 'upload_visitor',
        counts: expect.any(String),
        overridable: true,
        default: '2/60',
        override: null,
        effective: '2/60',
      });
      expect(res.body.limits).toContainEqual(
        expect.objectContaining({ policy: 'login_ip', overridable: false, effective: '4/60' }),
      );
    });

    it('validates overrides and lets only admins change them', async () => {
      const { admin } = await createTenant(t, owner);
      const put = (auth: Record<string, string>, overrides: object) =>
        request(t.url).put('/v1/settings/rate-limits').set(auth).send({ overrides });
      for (const [overrides, field] of [
        [{ upload_visitor: '10 per minute' }, 'overrides.upload_visitor'],
        [{ upload_visitor: '0/60' }, 'overrides.upload_visitor'],
        [{ upload_visitor: '10/0' }, 'overrides.upload_visitor'],
        [{ upload_visitor: 5 }, 'overrides.upload_visitor'],
        [{ login_ip: '1000/60' }, 'overrides.login_ip'],
        [{ no_such_limit: '1/60' }, 'overrides.no_such_limit'],
      ] as const) {
        const res = await put(admin.auth, overrides).expect(400);
        expect(res.body.field).toBe(field);
      }
      const op = await createOperator(t, admin);
      await put(op.auth, { upload_visitor: '100/60' }).expect(403);

      const set = await put(admin.auth, { upload_visitor: '7/30' }).expect(200);
      expect(set.body.limits).toContainEqual(
        expect.objectContaining({ policy: 'upload_visitor', override: '7/30', effective: '7/30' }),
      );
      const reset = await put(admin.auth, { upload_visitor: null }).expect(200);
      expect(reset.body.limits).toContainEqual(
        expect.objectContaining({ policy: 'upload_visitor', override: null, effective: '2/60' }),
      );
    });

    it('a visitor override takes effect at once in that account only', async () => {
      const tenant = await createTenant(t, owner);
      await request(t.url)
        .put('/v1/settings/rate-limits')
        .set(tenant.admin.auth)
        .send({ overrides: { upload_visitor: '1/60' } })
        .expect(200);
      const chat = await visitorChat(tenant.account.widgetKey);
      await upload(chat.chatId, chat.auth).expect(201);
      expectRateLimited(await upload(chat.chatId, chat.auth));
    });
  });
});
