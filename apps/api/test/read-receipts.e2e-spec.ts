import type { MessageDto, ReadReceipt, TypingEvent } from '@satchel/contracts';
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
import { nextEvent, socketPool, type ChatSocket } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };

describe('read state ("seen") and typing', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;
  const sockets = socketPool(() => t.url);

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t.close());

  const say = async (chatId: string, auth: Auth, text: string): Promise<MessageDto> =>
    (await request(t.url).post(`/v1/chats/${chatId}/messages`).set(auth).send({ text }).expect(201))
      .body as MessageDto;
  const read = (chatId: string, auth: Auth, messageId: string) =>
    request(t.url).post(`/v1/chats/${chatId}/read`).set(auth).send({ messageId });
  const unreadOf = async (s: Session, chatId: string): Promise<number | undefined> =>
    (
      (await request(t.url).get('/v1/inbox').set(s.auth).expect(200)).body as {
        id: string;
        unreadCount: number;
      }[]
    ).find((c) => c.id === chatId)?.unreadCount;

  const chatSocket = async (chatId: string, auth: Auth): Promise<ChatSocket> =>
    (await sockets.join(chatId, auth)).socket;
  const inboxSocket = sockets.inbox;

  it("stores each operator's read position: their own unread counts, not another operator's", async () => {
    const alice = await createOperator(t, owner);
    const v = await startVisitorChat(t, widgetKey);
    await say(v.chatId, v.auth, 'hello');
    const second = await say(v.chatId, v.auth, 'anyone?');

    const res = await read(v.chatId, alice.auth, second.id).expect(200);
    expect(res.body).toMatchObject({
      chatId: v.chatId,
      messageId: second.id,
      reader: { role: 'operator', userId: alice.userId, name: 'Olga Operator' },
    });
    expect(await unreadOf(alice, v.chatId)).toBe(0);
    expect(await unreadOf(owner, v.chatId)).toBe(2);

    await say(v.chatId, v.auth, 'still there?');
    expect(await unreadOf(alice, v.chatId)).toBe(1);
    expect(await unreadOf(owner, v.chatId)).toBe(3);
  });

  it('never moves a read position back to an older message', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const first = await say(v.chatId, v.auth, 'one');
    const second = await say(v.chatId, v.auth, 'two');
    await read(v.chatId, owner.auth, second.id).expect(200);
    const back = await read(v.chatId, owner.auth, first.id).expect(200);
    expect((back.body as ReadReceipt).messageId).toBe(second.id);
    expect(await unreadOf(owner, v.chatId)).toBe(0);
  });

  it('sends the visitor\'s "seen" live to the inbox and the operator\'s to the visitor, and lists both', async () => {
    const v = await startVisitorChat(t, widgetKey, 'Rita Reader');
    const reply = await say(v.chatId, owner.auth, 'How can I help?');
    const inbox = await inboxSocket(owner.auth);
    const seenInInbox = nextEvent(inbox, 'chat:read');
    await read(v.chatId, v.auth, reply.id).expect(200);
    expect(await seenInInbox).toMatchObject({
      chatId: v.chatId,
      messageId: reply.id,
      reader: { role: 'visitor', userId: null, name: 'Rita Reader' },
    });

    const question = await say(v.chatId, v.auth, 'My order');
    const visitor = await chatSocket(v.chatId, v.auth);
    const seenByVisitor = nextEvent(visitor, 'chat:read');
    await read(v.chatId, owner.auth, question.id).expect(200);
    expect(await seenByVisitor).toMatchObject({ messageId: question.id, reader: { role: 'operator' } });

    const reads = await request(t.url).get(`/v1/chats/${v.chatId}/reads`).set(v.auth).expect(200);
    expect(reads.body).toMatchObject({
      visitor: { messageId: reply.id },
      operators: [{ messageId: question.id, reader: { userId: owner.userId } }],
    });
  });

  it('refuses reads of a message of another chat, by API tokens, across accounts and with a bad body', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const foreign = await say(other.chatId, other.auth, 'not yours');
    await read(v.chatId, owner.auth, foreign.id).expect(404);
    await read(v.chatId, v.auth, foreign.id).expect(404);
    await read(other.chatId, v.auth, foreign.id).expect(404);
    await read(other.chatId, await createApiToken(t, owner), foreign.id).expect(403);
    const tenant = await createTenant(t, owner);
    await read(other.chatId, tenant.admin.auth, foreign.id).expect(404);
    await request(t.url).get(`/v1/chats/${other.chatId}/reads`).set(tenant.admin.auth).expect(404);
    await read(other.chatId, owner.auth, 'nope').expect(400);
    await request(t.url).post(`/v1/chats/${other.chatId}/read`).set(owner.auth).send('[]').expect(400);
  });

  it('relays typing both ways, throttled, to the chat only', async () => {
    const v = await startVisitorChat(t, widgetKey, 'Tom Typer');
    const inbox = await inboxSocket(owner.auth);
    const visitor = await chatSocket(v.chatId, v.auth);
    const tenant = await createTenant(t, owner);
    const stranger = await inboxSocket(tenant.admin.auth);
    const own = await startVisitorChat(t, tenant.account.widgetKey);
    const ownVisitor = await chatSocket(own.chatId, own.auth);
    const strangerSaw: TypingEvent[] = [];
    stranger.on('typing', (e) => strangerSaw.push(e));
    const inboxSaw: TypingEvent[] = [];
    inbox.on('typing', (e) => inboxSaw.push(e));

    const typing = nextEvent(inbox, 'typing');
    visitor.emit('typing', { typing: true });
    visitor.emit('typing', { typing: true });
    expect(await typing).toEqual({ chatId: v.chatId, role: 'visitor', name: 'Tom Typer', typing: true });
    const stopped = nextEvent(inbox, 'typing');
    visitor.emit('typing', { typing: false });
    expect((await stopped).typing).toBe(false);
    expect(inboxSaw.map((e) => e.typing)).toEqual([true, false]);

    const opTyping = nextEvent(visitor, 'typing');
    inbox.emit('typing', { chatId: v.chatId, typing: true });
    expect(await opTyping).toMatchObject({ chatId: v.chatId, role: 'operator', typing: true });
    // Another account's operator cannot type into this chat.
    const visitorSaw: TypingEvent[] = [];
    visitor.on('typing', (e) => visitorSaw.push(e));
    stranger.emit('typing', { chatId: v.chatId, typing: true });
    stranger.emit('typing', { chatId: 'not-a-chat', typing: true });
    // A marker sent after them, through the same lookup, reaches a chat of the stranger's own account.
    const marker = nextEvent(ownVisitor, 'typing');
    stranger.emit('typing', { chatId: own.chatId, typing: false });
    expect(await marker).toMatchObject({ chatId: own.chatId, typing: false });
    expect(visitorSaw).toEqual([]);
    expect(strangerSaw).toEqual([]);
  });
});
