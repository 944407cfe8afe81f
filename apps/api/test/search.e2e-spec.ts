import request from 'supertest';
import {
  accountWithOperator,
  createOperator,
  createTenant,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { PNG, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

type Auth = Record<string, string>;
type Hit = { message: { id: string; text: string }; highlight: { text: string; match: boolean }[] };

describe('message and inbox search', () => {
  let t: TestApp;
  let operator: Session;
  let chatA: { chatId: string; auth: Auth };
  let chatB: { chatId: string; auth: Auth };
  let widgetKey: string;

  const say = (chatId: string, auth: Auth, text: string) =>
    request(t.url).post(`/v1/chats/${chatId}/messages`).set(auth).send({ text }).expect(201);
  const inChat = (chatId: string, auth: Auth, query: Record<string, string | number>, status = 200) =>
    request(t.url).get(`/v1/chats/${chatId}/search`).query(query).set(auth).expect(status);
  const inbox = (auth: Auth, q: string) =>
    request(t.url).get('/v1/inbox/search').query({ q }).set(auth).expect(200);
  const texts = (hits: Hit[]) => hits.map((h) => h.message.text);

  beforeAll(async () => {
    t = await startTestApp();
    const account = await accountWithOperator(t);
    ({ operator, widgetKey } = account);
    chatA = await startVisitorChat(t, widgetKey, 'Zelda Quartermain');
    chatB = await startVisitorChat(t, widgetKey, 'Bob');
    await say(chatA.chatId, chatA.auth, 'Hello, my invoice number 4711 is wrong');
    await say(chatA.chatId, operator.auth, 'Which invoice? I see <b>two</b> invoices on file');
    await say(chatA.chatId, chatA.auth, 'Das Gerät ist kaputt');
    await say(chatB.chatId, chatB.auth, 'Another invoice question from chat B');
    await uploadFile(t, chatA.chatId, chatA.auth, 'zeldas-receipt.png', PNG);
  });
  afterAll(() => t.close());

  it('finds a chat’s messages by word prefix, newest first, with highlighted plain-text excerpts', async () => {
    const res = await inChat(chatA.chatId, operator.auth, { q: 'inv' });
    expect(texts(res.body.items)).toEqual([
      'Which invoice? I see <b>two</b> invoices on file',
      'Hello, my invoice number 4711 is wrong',
    ]);
    const first: Hit = res.body.items[0];
    expect(first.highlight.filter((s) => s.match).map((s) => s.text)).toEqual(['invoice', 'invoices']);
    expect(first.highlight.map((s) => s.text).join('')).toContain('<b>two</b>');
    expect(texts((await inChat(chatA.chatId, chatA.auth, { q: 'GERÄT' })).body.items)).toEqual([
      'Das Gerät ist kaputt',
    ]);
    expect(texts((await inChat(chatA.chatId, chatA.auth, { q: '47 inv' })).body.items)).toHaveLength(1);
    expect((await inChat(chatA.chatId, chatA.auth, { q: '&|!:*()' })).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('pages a chat’s hits by cursor', async () => {
    const first = await inChat(chatA.chatId, chatA.auth, { q: 'invoice', limit: 1 });
    expect(first.body.items).toHaveLength(1);
    const second = await inChat(chatA.chatId, chatA.auth, {
      q: 'invoice',
      limit: 1,
      cursor: first.body.nextCursor,
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0].message.id).not.toBe(first.body.items[0].message.id);
    await inChat(chatA.chatId, chatA.auth, { q: 'invoice', cursor: 'garbage' }, 400);
  });

  it('lets a visitor search only their own chat', async () => {
    await inChat(chatB.chatId, chatA.auth, { q: 'invoice' }, 404);
    expect(texts((await inChat(chatB.chatId, chatB.auth, { q: 'invoice' })).body.items)).toEqual([
      'Another invoice question from chat B',
    ]);
    await request(t.url).get('/v1/inbox/search').query({ q: 'invoice' }).set(chatA.auth).expect(404);
  });

  it('finds a chat’s messages by their files’ names too, only in that chat', async () => {
    const file = await uploadFile(t, chatA.chatId, chatA.auth, 'summer-holiday.png', PNG);
    const sent = await request(t.url)
      .post(`/v1/chats/${chatA.chatId}/messages`)
      .set(chatA.auth)
      .send({ attachmentIds: [file.id] })
      .expect(201);
    const found = await inChat(chatA.chatId, chatA.auth, { q: 'holiday' });
    expect(found.body.items.map((h: Hit) => h.message.id)).toEqual([sent.body.id]);
    expect((await inChat(chatB.chatId, chatB.auth, { q: 'holiday' })).body.items).toEqual([]);
    await inChat(chatA.chatId, chatB.auth, { q: 'holiday' }, 404);
  });

  it('searches the inbox: messages of every chat, visitor names and emails, file names', async () => {
    const res = await inbox(operator.auth, 'invoice');
    expect(texts(res.body.messages)).toHaveLength(3);
    expect((await inbox(operator.auth, 'quarterm')).body.chats.map((c: { id: string }) => c.id)).toEqual([
      chatA.chatId,
    ]);
    const files = (await inbox(operator.auth, 'receipt')).body.files;
    expect(files.map((f: { name: string }) => f.name)).toEqual(['zeldas-receipt.png']);
    await request(t.url).get('/v1/inbox/search').set(operator.auth).expect(400);
  });

  it('never shows another account’s messages, visitors or files', async () => {
    const { owner } = await accountWithOperator(t);
    const tenant = await createTenant(t, owner);
    const other = await createOperator(t, tenant.admin);
    for (const q of ['invoice', 'quarterm', 'receipt', 'zelda']) {
      expect((await inbox(other.auth, q)).body).toEqual({ messages: [], chats: [], files: [] });
    }
    await inChat(chatA.chatId, other.auth, { q: 'invoice' }, 404);
  });
});
