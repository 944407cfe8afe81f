import request from 'supertest';
import {
  createApiToken,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** Nothing of one account is readable or writable from another: every endpoint, every role. */
describe('tenant isolation', () => {
  let t: TestApp;
  let ownerA: Session;
  let adminB: Session;
  let chatA: { chatId: string; auth: { Authorization: string } };
  let userA: string;
  let tokenA: string;

  beforeAll(async () => {
    t = await startTestApp();
    ownerA = await loginOwner(t);
    adminB = (await createTenant(t, ownerA)).admin;
    chatA = await startVisitorChat(t, await widgetKeyOf(t, ownerA));
    await request(t.url)
      .post(`/v1/chats/${chatA.chatId}/messages`)
      .set(chatA.auth)
      .send({ text: 'private' })
      .expect(201);
    userA = ownerA.userId;
    tokenA = (await request(t.url).post('/v1/api-tokens').set(ownerA.auth).send({ name: 'A' }).expect(201))
      .body.id;
  });
  afterAll(() => t.close());

  const call = (method: 'get' | 'post' | 'patch' | 'delete', path: string) => request(t.url)[method](path);
  const probes = (): ['get' | 'post' | 'patch' | 'delete', string, object?][] => [
    ['get', `/v1/chats/${chatA.chatId}`],
    ['get', `/v1/chats/${chatA.chatId}/messages`],
    ['post', `/v1/chats/${chatA.chatId}/messages`, { text: 'intrusion' }],
    ['post', `/v1/chats/${chatA.chatId}/close`],
    ['post', `/v1/chats/${chatA.chatId}/connection`],
    ['get', `/v1/users/${userA}`],
    ['patch', `/v1/users/${userA}`, { name: 'pwned' }],
    ['delete', `/v1/api-tokens/${tokenA}`],
  ];

  it('another account’s admin gets 404 on every resource of account A', async () => {
    for (const [method, path, body] of probes()) {
      const res = await call(method, path)
        .set(adminB.auth)
        .send(body ?? {});
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('another account’s API token gets 404 too', async () => {
    const apiB = await createApiToken(t, adminB);
    for (const [method, path, body] of probes().filter(([, p]) => p.startsWith('/v1/chats'))) {
      const res = await call(method, path)
        .set(apiB)
        .send(body ?? {});
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('lists only show the caller’s account', async () => {
    const chats = await request(t.url).get('/v1/chats').set(adminB.auth).expect(200);
    expect(chats.body.items.map((c: { id: string }) => c.id)).not.toContain(chatA.chatId);
    const users = await request(t.url).get('/v1/users').set(adminB.auth).expect(200);
    expect(users.body.map((u: { id: string }) => u.id)).not.toContain(userA);
    const tokens = await request(t.url).get('/v1/api-tokens').set(adminB.auth).expect(200);
    expect(tokens.body.map((x: { id: string }) => x.id)).not.toContain(tokenA);
  });

  it('account A’s data is unchanged after the attempts', async () => {
    const history = await request(t.url)
      .get(`/v1/chats/${chatA.chatId}/messages`)
      .set(ownerA.auth)
      .expect(200);
    expect(history.body.map((m: { text: string }) => m.text)).toEqual(['private']);
    const chat = await request(t.url).get(`/v1/chats/${chatA.chatId}`).set(ownerA.auth).expect(200);
    expect(chat.body.status).toBe('open');
  });

  it('only the platform owner creates accounts', async () => {
    await request(t.url)
      .post('/v1/accounts')
      .set(adminB.auth)
      .send({ name: 'x', adminEmail: 'x@y.z', adminPassword: 'long-enough' })
      .expect(403);
  });
});
