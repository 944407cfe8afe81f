import type { AccountDto, ServerToClientEvents, ClientToServerEvents } from '@satchel/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import {
  createApiToken,
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { connectionString } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

const CONSOLE = 'http://localhost:8123';
const SHOP = 'http://127.0.0.1:5173';
const ELSEWHERE = 'http://127.0.0.2:5173';

/** Connects as a browser page on `origin` would; resolves 'connected' or rejects with the refusal (`data`: reason, code). */
function connectFrom(
  url: string,
  origin: string | undefined,
  auth: { chatId: string; connectionString: string },
): Promise<'connected'> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin ? { Origin: origin } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('session', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

describe('allowed domains and widget key rotation', () => {
  let t: TestApp;
  let owner: Session;
  let admin: Session;
  let operator: Session;
  let widgetKey: string;

  const account = () => request(t.url).get('/v1/account').set(owner.auth).expect(200);
  const setOrigins = (s: { auth: Record<string, string> }, allowedOrigins: unknown) =>
    request(t.url).patch('/v1/account').set(s.auth).send({ allowedOrigins });
  const startFrom = (origin: string | undefined, key = widgetKey) => {
    const req = request(t.url).post('/v1/widget/chats');
    if (origin) void req.set('Origin', origin);
    return req.send({ widgetKey: key, name: 'Vera' });
  };
  const chatCount = async () =>
    (await request(t.url).get('/v1/chats?pageSize=1').set(owner.auth).expect(200)).body.total as number;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: CONSOLE });
    owner = await loginOwner(t);
    const res = await request(t.url)
      .post('/v1/users')
      .set(owner.auth)
      .send({ email: 'admin@origins.test', name: 'Ada Admin', role: 'admin', password: 'admin-password-1' })
      .expect(201);
    expect(res.body.role).toBe('admin');
    const login = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: 'admin@origins.test', password: 'admin-password-1' })
      .expect(200);
    admin = {
      token: login.body.token,
      auth: { Authorization: `Token ${login.body.token}` },
      accountId: login.body.user.accountId,
      userId: login.body.user.id,
    };
    operator = await createOperator(t, owner);
    widgetKey = ((await account()).body as AccountDto).widgetKey;
  });
  afterAll(() => t?.close());

  afterEach(async () => {
    await setOrigins(owner, []).expect(200);
  });

  describe('validation', () => {
    it('normalises and saves the list; GET /v1/account shows it', async () => {
      const res = await setOrigins(admin, [
        'HTTP://127.0.0.1:5173/',
        'https://Shop.Example.com:443',
        'https://*.example.org',
        'http://127.0.0.1:5173',
        '  ',
      ]).expect(200);
      const expected = ['http://127.0.0.1:5173', 'https://shop.example.com', 'https://*.example.org'];
      expect(res.body.allowedOrigins).toEqual(expected);
      expect((await account()).body.allowedOrigins).toEqual(expected);
    });

    it.each([
      ['a path', 'https://shop.example.com/checkout'],
      ['no scheme', 'shop.example.com'],
      ['another scheme', 'ftp://shop.example.com'],
      ['credentials', 'https://user@shop.example.com'],
      ['a bad port', 'https://shop.example.com:70000'],
    ])('refuses an origin with %s, naming it, and keeps the old list', async (_, bad) => {
      await setOrigins(admin, [SHOP]).expect(200);
      const res = await setOrigins(admin, [SHOP, bad]).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_ORIGIN', field: 'allowedOrigins.1' });
      expect(res.body.error).toContain(bad);
      expect((await account()).body.allowedOrigins).toEqual([SHOP]);
    });

    it('refuses more than 50 entries, null, non-string and overlong entries (400, never 500)', async () => {
      const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example.com`);
      await setOrigins(admin, many).expect(400);
      await setOrigins(admin, [42]).expect(400);
      await setOrigins(admin, 'https://shop.example.com').expect(400);
      await setOrigins(admin, null).expect(400);
      await setOrigins(admin, [null]).expect(400);
      await setOrigins(admin, ['https://a.example.com'.padEnd(400, 'x')]).expect(400);
      expect((await account()).body.allowedOrigins).toEqual([]);
    });
  });

  describe('authorization', () => {
    it('lets admins and the owner change the list and rotate, and nobody else', async () => {
      const api = await createApiToken(t, owner);
      for (const who of [operator, { auth: api }]) {
        const res = await setOrigins(who, [SHOP]).expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ACTOR');
        await request(t.url).post('/v1/account/widget-key/rotate').set(who.auth).expect(403);
      }
      const visitor = await startVisitorChat(t, widgetKey);
      await setOrigins(visitor, [SHOP]).expect(404);
      await request(t.url).post('/v1/account/widget-key/rotate').set(visitor.auth).expect(404);
      await request(t.url)
        .patch('/v1/account')
        .send({ allowedOrigins: [SHOP] })
        .expect(401);
      expect((await account()).body).toMatchObject({ allowedOrigins: [], widgetKey });
      await setOrigins(owner, [SHOP]).expect(200);
      await setOrigins(admin, [ELSEWHERE]).expect(200);
    });

    it("changes only the caller's own account: another tenant's widget is unaffected", async () => {
      const other = await createTenant(t, owner);
      await setOrigins(other.admin, [ELSEWHERE]).expect(200);
      expect((await account()).body.allowedOrigins).toEqual([]);
      await startFrom(SHOP).expect(201);
      await startFrom(SHOP, other.account.widgetKey).expect(403);
      await startFrom(ELSEWHERE, other.account.widgetKey).expect(201);
    });
  });

  describe('enforcement', () => {
    it('refuses to start a chat from an unlisted origin with ORIGIN_NOT_ALLOWED naming it, and creates no chat', async () => {
      await setOrigins(admin, [SHOP]).expect(200);
      const before = await chatCount();
      const res = await startFrom(ELSEWHERE).expect(403);
      expect(res.body).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', origin: ELSEWHERE });
      expect(res.body.error).toContain(ELSEWHERE);
      expect(await chatCount()).toBe(before);
    });

    it('allows listed origins, the console origin and requests without Origin', async () => {
      await setOrigins(admin, [SHOP, 'http://*.localhost:8080']).expect(200);
      await startFrom(SHOP).expect(201);
      await startFrom('http://shop.localhost:8080').expect(201);
      await startFrom(CONSOLE).expect(201);
      await startFrom(undefined).expect(201);
      await startFrom('http://localhost:8080').expect(403);
    });

    it('allows any origin while the list is empty', async () => {
      await startFrom(ELSEWHERE).expect(201);
    });

    it("refuses a visitor's requests from an unlisted origin, not staff requests", async () => {
      const v = await startVisitorChat(t, widgetKey);
      await setOrigins(admin, [SHOP]).expect(200);
      const chat = () => request(t.url).get(`/v1/chats/${v.chatId}`).set(v.auth);
      const res = await chat().set('Origin', ELSEWHERE).expect(403);
      expect(res.body).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', origin: ELSEWHERE });
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .set('Origin', ELSEWHERE)
        .send({ text: 'hello' })
        .expect(403);
      await chat().set('Origin', SHOP).expect(200);
      await chat().expect(200);
      await request(t.url).get(`/v1/chats/${v.chatId}`).set(owner.auth).set('Origin', ELSEWHERE).expect(200);
      const messages = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(owner.auth).expect(200);
      expect(messages.body.map((m: { text: string }) => m.text)).not.toContain('hello');
    });

    it("refuses a visitor's socket from an unlisted origin with the same code", async () => {
      const v = await startVisitorChat(t, widgetKey);
      await setOrigins(admin, [SHOP]).expect(200);
      const handshake = async () => ({
        chatId: v.chatId,
        connectionString: await connectionString(t.url, v.chatId, v.auth),
      });
      await expect(connectFrom(t.url, ELSEWHERE, await handshake())).rejects.toMatchObject({
        data: { code: 'ORIGIN_NOT_ALLOWED', reason: expect.stringContaining(ELSEWHERE) },
      });
      await expect(connectFrom(t.url, SHOP, await handshake())).resolves.toBe('connected');
      await expect(connectFrom(t.url, CONSOLE, await handshake())).resolves.toBe('connected');
      await expect(connectFrom(t.url, undefined, await handshake())).resolves.toBe('connected');
    });
  });

  describe('widget key rotation', () => {
    it('gives a new key at once: the old one starts no chat, chats already started keep working', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const res = await request(t.url).post('/v1/account/widget-key/rotate').set(admin.auth).expect(200);
      const fresh = (res.body as AccountDto).widgetKey;
      expect(fresh).toMatch(/^wk_/);
      expect(fresh).not.toBe(widgetKey);
      expect((await account()).body.widgetKey).toBe(fresh);
      await startFrom(SHOP, widgetKey).expect(404);
      await startFrom(SHOP, fresh).expect(201);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ text: 'still here' })
        .expect(201);
      widgetKey = fresh;
    });

    it('records both changes in the audit log with who did them', async () => {
      await setOrigins(admin, [SHOP]).expect(200);
      const list = async (action: string) =>
        (await request(t.url).get(`/v1/audit-events?action=${action}`).set(owner.auth).expect(200)).body
          .items as { actor: { name: string }; details: Record<string, unknown> }[];
      const updates = await list('account.allowed-origins.update');
      expect(updates[0]).toMatchObject({ actor: { name: 'Ada Admin' }, details: { after: [SHOP] } });
      const rotations = await list('account.widget-key.rotate');
      expect(rotations[0]).toMatchObject({ actor: { name: 'Ada Admin' } });
    });
  });
});
