import request from 'supertest';
import {
  createApiToken,
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

describe('operator inbox', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
  });
  afterAll(() => t.close());

  const inbox = async (s: Session) =>
    (await request(t.url).get('/v1/inbox').set(s.auth).expect(200)).body as {
      id: string;
      unreadCount: number;
    }[];

  it('lists open chats with unread visitor messages per operator, until each one reads them', async () => {
    const alice = await createOperator(t, owner);
    const bob = await createOperator(t, owner);
    const v = await startVisitorChat(t, widgetKey);
    for (const text of ['hello', 'anyone?'])
      await request(t.url).post(`/v1/chats/${v.chatId}/messages`).set(v.auth).send({ text }).expect(201);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(alice.auth)
      .send({ text: 'Hi, Alice here' })
      .expect(201);

    expect((await inbox(alice))[0]).toMatchObject({
      id: v.chatId,
      unreadCount: 2,
      lastMessagePreview: 'Hi, Alice here',
    });
    await request(t.url).post(`/v1/inbox/${v.chatId}/read`).set(alice.auth).expect(204);
    expect((await inbox(alice)).find((c) => c.id === v.chatId)?.unreadCount).toBe(0);
    expect((await inbox(bob)).find((c) => c.id === v.chatId)?.unreadCount).toBe(2);

    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'one more' })
      .expect(201);
    expect((await inbox(alice)).find((c) => c.id === v.chatId)?.unreadCount).toBe(1);

    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(alice.auth).expect(200);
    expect((await inbox(alice)).some((c) => c.id === v.chatId)).toBe(false);
  });

  it('is per account and only for signed-in staff', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await createTenant(t, owner);
    expect((await inbox(other.admin)).some((c) => c.id === v.chatId)).toBe(false);
    await request(t.url).post(`/v1/inbox/${v.chatId}/read`).set(other.admin.auth).expect(404);
    await request(t.url).get('/v1/inbox').set(v.auth).expect(404);
    await request(t.url)
      .get('/v1/inbox')
      .set(await createApiToken(t, owner))
      .expect(403);
  });

  it('pages through every open chat, newest activity first, without gaps or repeats', async () => {
    const tenant = await createTenant(t, owner);
    const key = tenant.account.widgetKey;
    const started: string[] = [];
    for (let i = 0; i < 5; i++) started.push((await startVisitorChat(t, key, `Visitor ${i}`)).chatId);
    const page = async (query: string) =>
      (
        (await request(t.url).get(`/v1/inbox?${query}`).set(tenant.admin.auth).expect(200)).body as {
          id: string;
        }[]
      ).map((c) => c.id);
    const first = await page('limit=2');
    const second = await page('limit=2&offset=2');
    const last = await page('limit=2&offset=4');
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(last).toHaveLength(1);
    expect([...first, ...second, ...last]).toEqual([...started].reverse());
    await request(t.url).get('/v1/inbox?limit=0').set(tenant.admin.auth).expect(400);
    await request(t.url).get('/v1/inbox?limit=501').set(tenant.admin.auth).expect(400);
  });
});
