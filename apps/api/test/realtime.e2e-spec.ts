import request from 'supertest';
import { ChatsService } from '../src/chats/chats.service';
import { ConnectionStringsService } from '../src/realtime/connection-strings.service';
import {
  createOperator,
  login,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { connect, connectionString, disconnection, nextEvent, socketPool } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

describe('realtime chat over Socket.IO (seed 004)', () => {
  let t: TestApp;
  let admin: Session;
  let widgetKey: string;
  const sockets = socketPool(() => t.url);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, admin);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t.close());

  const join = sockets.join;
  /** An account-wide (inbox) connection. */
  const inboxOf = sockets.inbox;

  it('visitor and operator exchange messages live, each carrying a valid message string', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const op = await createOperator(t, admin);
    const visitor = await join(v.chatId, v.auth);
    const operator = await join(v.chatId, op.auth);

    const seenByOperator = nextEvent(operator.socket, 'message:new');
    const ack = await visitor.socket.emitWithAck('message:send', {
      text: 'My invoice is wrong',
      messageString: visitor.session.messageString,
    });
    expect(ack).toMatchObject({
      ok: true,
      message: { text: 'My invoice is wrong', author: { role: 'visitor' } },
    });
    expect((await seenByOperator).text).toBe('My invoice is wrong');

    const seenByVisitor = nextEvent(visitor.socket, 'message:new');
    const reply = await operator.socket.emitWithAck('message:send', {
      text: 'Let me check',
      messageString: operator.session.messageString,
    });
    expect(reply.ok).toBe(true);
    expect(await seenByVisitor).toMatchObject({ text: 'Let me check', author: { role: 'operator' } });

    // The next message needs the next string from the ack.
    if (!ack.ok) throw new Error('unreachable');
    const second = await visitor.socket.emitWithAck('message:send', {
      text: 'Thanks',
      messageString: ack.nextMessageString,
    });
    expect(second.ok).toBe(true);
  });

  it('messages sent over REST reach connected participants too', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const visitor = await join(v.chatId, v.auth);
    const seen = nextEvent(visitor.socket, 'message:new');
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(admin.auth)
      .send({ text: 'From the API' })
      .expect(201);
    expect((await seen).text).toBe('From the API');
  });

  it('rejects a bad, reused or foreign message string and stores nothing', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const visitor = await join(v.chatId, v.auth);
    const intruder = await join(other.chatId, other.auth);

    for (const messageString of ['', 'forged.string', intruder.session.messageString]) {
      const ack = await visitor.socket.emitWithAck('message:send', { text: 'sneaky', messageString });
      expect(ack).toMatchObject({ ok: false, error: 'invalid message string' });
    }
    const ok = await visitor.socket.emitWithAck('message:send', {
      text: 'legit',
      messageString: visitor.session.messageString,
    });
    expect(ok.ok).toBe(true);
    const replay = await visitor.socket.emitWithAck('message:send', {
      text: 'replayed',
      messageString: visitor.session.messageString,
    });
    expect(replay).toMatchObject({ ok: false, error: 'invalid message string' });

    const history = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
    expect(history.body.map((m: { text: string }) => m.text)).toEqual(['legit']);
  });

  it('validates a socket message like the REST endpoint: text length and attachment ids', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const visitor = await join(v.chatId, v.auth);
    const tooLong = await visitor.socket.emitWithAck('message:send', {
      text: 'x'.repeat(10_001),
      messageString: visitor.session.messageString,
    });
    expect(tooLong).toMatchObject({ ok: false, error: expect.stringContaining('text') });
    if (tooLong.ok) throw new Error('unreachable');
    const badIds = await visitor.socket.emitWithAck('message:send', {
      text: 'hi',
      attachmentIds: ['not-a-uuid'],
      messageString: tooLong.nextMessageString ?? '',
    });
    expect(badIds).toMatchObject({ ok: false, error: expect.stringContaining('attachmentIds') });
    const history = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
    expect(history.body).toEqual([]);
  });

  it('an operator who signed out can no longer send or join with a connection string issued before', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const op = await createOperator(t, admin);
    const spare = await connectionString(t.url, v.chatId, op.auth);
    const operator = await join(v.chatId, op.auth);
    const ended = disconnection(operator.socket);
    await request(t.url).post('/v1/auth/logout').set(op.auth).expect(204);

    await ended;
    expect(operator.socket.connected).toBe(false);
    await expect(connect(t.url, { chatId: v.chatId, connectionString: spare })).rejects.toThrow(
      'session ended',
    );
    const history = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
    expect(history.body).toEqual([]);
  });

  it('refuses bad, expired and mismatched connection strings with a reason', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const good = await connectionString(t.url, v.chatId, v.auth);
    await expect(connect(t.url, { chatId: v.chatId, connectionString: '' })).rejects.toThrow(
      'connection string is required',
    );
    await expect(connect(t.url, { chatId: v.chatId, connectionString: `${good}x` })).rejects.toThrow(
      'invalid connection string',
    );
    await expect(connect(t.url, { chatId: other.chatId, connectionString: good })).rejects.toThrow(
      'connection string is not for this chat',
    );

    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now - 3600_000);
    const svc = t.app.get(ConnectionStringsService);
    const principal = {
      kind: 'visitor' as const,
      role: 'visitor' as const,
      accountId: admin.accountId,
      chatId: v.chatId,
      name: 'V',
      tokenId: 'x',
    };
    const expired = svc.issue(principal, v.chatId).connectionString;
    clock.mockRestore();
    await expect(connect(t.url, { chatId: v.chatId, connectionString: expired })).rejects.toThrow(
      'connection string expired',
    );
  });

  it('refuses a chat that does not exist and a visitor joining the inbox', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const svc = t.app.get(ConnectionStringsService);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const visitorP = {
      kind: 'visitor' as const,
      role: 'visitor' as const,
      accountId: admin.accountId,
      chatId: ghost,
      name: 'V',
      tokenId: 'x',
    };
    await expect(
      connect(t.url, { chatId: ghost, connectionString: svc.issue(visitorP, ghost).connectionString }),
    ).rejects.toThrow('chat not found');
    const inbox = svc.issue({ ...visitorP, chatId: v.chatId }, null).connectionString;
    await expect(connect(t.url, { connectionString: inbox })).rejects.toThrow(
      'not allowed to join this chat',
    );
  });

  it('another account cannot get a connection string or join', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const { admin: adminB } = await createTenant(t, admin);
    await request(t.url).post(`/v1/chats/${v.chatId}/connection`).set(adminB.auth).expect(404);
  });

  it('operators get live updates for every chat of their account through an inbox connection', async () => {
    const op = await createOperator(t, admin);
    const inbox = await inboxOf(op.auth);
    const v = await startVisitorChat(t, widgetKey);
    const seen = nextEvent(inbox, 'message:new');
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'Anyone there?' })
      .expect(201);
    expect(await seen).toMatchObject({ chatId: v.chatId, text: 'Anyone there?' });
  });

  describe('an open socket closes when the access behind it ends', () => {
    it('signing out closes the sockets of that session, and only those', async () => {
      const op = await createOperator(t, admin);
      const other = await login(t, op.email, 'operator-pass-1');
      const v = await startVisitorChat(t, widgetKey);
      const signedOut = await inboxOf(op.auth);
      const stillIn = await join(v.chatId, other.auth);
      const ended = disconnection(signedOut);
      await request(t.url).post('/v1/auth/logout').set(op.auth).expect(204);
      expect(await ended).toBe('io server disconnect');

      const seen = nextEvent(stillIn.socket, 'message:new');
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ text: 'hi' })
        .expect(201);
      expect(await seen).toMatchObject({ text: 'hi' });
    });

    it('deactivating an operator closes every socket they have open', async () => {
      const op = await createOperator(t, admin);
      const v = await startVisitorChat(t, widgetKey);
      const inbox = await inboxOf(op.auth);
      const chat = await join(v.chatId, op.auth);
      const ended = [disconnection(inbox), disconnection(chat.socket)];
      await request(t.url)
        .patch(`/v1/users/${op.userId}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(200);
      await expect(Promise.all(ended)).resolves.toEqual(['io server disconnect', 'io server disconnect']);
    });

    it('revoking an API token closes the sockets opened with it', async () => {
      const res = await request(t.url)
        .post('/v1/api-tokens')
        .set(admin.auth)
        .send({ name: 'bot' })
        .expect(201);
      const inbox = await inboxOf({ Authorization: `Bearer ${res.body.token}` });
      const ended = disconnection(inbox);
      await request(t.url).delete(`/v1/api-tokens/${res.body.id}`).set(admin.auth).expect(204);
      expect(await ended).toBe('io server disconnect');
    });
  });

  // The widget ends the conversation on this event (the transcript stays, writing stops).
  it('the visitor hears a close, by an operator or by the idle-expiry job', async () => {
    const byOperator = await startVisitorChat(t, widgetKey);
    const a = await join(byOperator.chatId, byOperator.auth);
    const closedA = nextEvent(a.socket, 'chat:updated');
    await request(t.url).post(`/v1/chats/${byOperator.chatId}/close`).set(admin.auth).expect(200);
    expect(await closedA).toMatchObject({ id: byOperator.chatId, status: 'closed' });

    const idle = await startVisitorChat(t, widgetKey);
    const b = await join(idle.chatId, idle.auth);
    const closedB = nextEvent(b.socket, 'chat:updated');
    await t.app.get(ChatsService).expireIdle(-1);
    expect(await closedB).toMatchObject({ id: idle.chatId, status: 'closed' });
  });
});
