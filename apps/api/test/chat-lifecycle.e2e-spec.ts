import type {
  AuditEventDto,
  ChatDto,
  InboxChatDto,
  InboxCounts,
  Page,
  VisitorProfileDto,
} from '@satchel/contracts';
import { waitFor, waitUntil } from '@satchel/testing';
import request from 'supertest';
import { eventHandlersIdle } from './support/event-handlers';
import { createOperator, createTenant, loginOwner, type Session } from './support/fixtures';
import { PNG, uploadFile } from './support/files';
import { connect, nextEvent, type ChatSocket } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 12: close, reopen, assign, views with counts, search, the visitor panel, audit with names. */
describe('chat lifecycle and assignment', () => {
  let t: TestApp;
  let admin: Session;
  let widgetKey: string;
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t, await loginOwner(t), 'Lifecycle Ltd');
    admin = tenant.admin;
    widgetKey = tenant.account.widgetKey;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const start = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await request(t.url)
      .post('/v1/widget/chats')
      .send({ widgetKey, name, ...extra })
      .expect(201);
    return { chatId: res.body.chatId as string, auth: { Authorization: `Token ${res.body.visitorToken}` } };
  };
  const say = (chatId: string, auth: Record<string, string>, text: string, status = 201) =>
    request(t.url).post(`/v1/chats/${chatId}/messages`).set(auth).send({ text }).expect(status);
  const view = async (s: Session, v: string, q = '') =>
    (
      (
        await request(t.url)
          .get('/v1/inbox')
          .query({ view: v, ...(q && { q }) })
          .set(s.auth)
          .expect(200)
      ).body as InboxChatDto[]
    ).map((c) => c.id);
  const counts = async (s: Session) =>
    (await request(t.url).get('/v1/inbox/counts').set(s.auth).expect(200)).body as InboxCounts;
  const inboxSocket = async (s: Session) => {
    const res = await request(t.url).post('/v1/realtime/connection').set(s.auth).expect(200);
    const { socket } = await connect(t.url, { chatId: '', connectionString: res.body.connectionString });
    sockets.push(socket);
    return socket;
  };

  it('closes, reopens on the visitor’s message, assigns; every inbox socket hears it; views and counts follow', async () => {
    const olga = await createOperator(t, admin);
    const [adminLive, olgaLive] = [await inboxSocket(admin), await inboxSocket(olga)];
    const v = await start('Vera Lifecycle');
    await say(v.chatId, v.auth, 'Hello, my parcel is late');
    const before = await counts(olga);
    expect(await view(olga, 'unassigned')).toContain(v.chatId);

    // The operator closes it: both operators' sockets hear it, it moves to Closed.
    const closedLive = [nextEvent(adminLive, 'chat:updated'), nextEvent(olgaLive, 'chat:updated')];
    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(olga.auth).expect(200);
    for (const e of await Promise.all(closedLive))
      expect(e).toMatchObject({ id: v.chatId, status: 'closed' });
    expect(await view(olga, 'closed')).toContain(v.chatId);
    expect(await view(olga, 'open')).not.toContain(v.chatId);
    expect(await counts(olga)).toMatchObject({ open: before.open - 1, closed: before.closed + 1 });

    // With the setting on, the visitor writes again: the chat reopens.
    await request(t.url)
      .put('/v1/settings/inbox')
      .set(admin.auth)
      .send({ reopenOnVisitorMessage: true })
      .expect(200);
    const reopenedLive = nextEvent(adminLive, 'chat:updated');
    await say(v.chatId, v.auth, 'Still waiting');
    expect(await reopenedLive).toMatchObject({ id: v.chatId, status: 'open' });

    // The admin assigns it to Olga: it leaves Unassigned and shows under Olga's Mine.
    const assignedLive = nextEvent(olgaLive, 'chat:updated');
    const assigned = await request(t.url)
      .post(`/v1/chats/${v.chatId}/assign`)
      .set(admin.auth)
      .send({ userId: olga.userId })
      .expect(200);
    expect(assigned.body).toMatchObject({ assignee: { id: olga.userId, name: 'Olga Operator' } });
    expect(await assignedLive).toMatchObject({ id: v.chatId, assignee: { id: olga.userId } });
    expect(await view(olga, 'mine')).toEqual([v.chatId]);
    expect(await view(admin, 'mine')).not.toContain(v.chatId);
    expect(await view(olga, 'unassigned')).not.toContain(v.chatId);
    expect((await counts(olga)).mine).toBe(1);

    // Unassign, then an explicit reopen after a close.
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/assign`)
      .set(olga.auth)
      .send({ userId: null })
      .expect(200);
    expect(await view(olga, 'unassigned')).toContain(v.chatId);
    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(olga.auth).expect(200);
    const reopened = await request(t.url).post(`/v1/chats/${v.chatId}/reopen`).set(olga.auth).expect(200);
    expect((reopened.body as ChatDto).status).toBe('open');

    // The audit log names who did it and to whom, not ids.
    const audit = (
      await request(t.url).get('/v1/audit-events').query({ chatId: v.chatId }).set(admin.auth).expect(200)
    ).body as Page<AuditEventDto>;
    const rows = audit.items.map((e) => [
      e.action,
      e.actor.name,
      e.details?.['visitorName'],
      e.details?.['assignee'],
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['chat.close', 'Olga Operator', 'Vera Lifecycle', undefined],
        ['chat.assign', expect.any(String), 'Vera Lifecycle', 'Olga Operator'],
        ['chat.assign', 'Olga Operator', 'Vera Lifecycle', null],
        ['chat.reopen', 'Olga Operator', 'Vera Lifecycle', undefined],
        ['chat.reopen', 'Vera Lifecycle', 'Vera Lifecycle', undefined],
      ]),
    );
  });

  it('with reopening off, a visitor cannot write to a closed chat', async () => {
    await request(t.url)
      .put('/v1/settings/inbox')
      .set(admin.auth)
      .send({ reopenOnVisitorMessage: false })
      .expect(200);
    const v = await start('Vic Closed');
    await say(v.chatId, v.auth, 'hi');
    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(admin.auth).expect(200);
    const refused = await say(v.chatId, v.auth, 'hello?', 403);
    expect(refused.body.code).toBe('CHAT_CLOSED');
    await request(t.url)
      .put('/v1/settings/inbox')
      .set(admin.auth)
      .send({ reopenOnVisitorMessage: true })
      .expect(200);
    const audit = (
      await request(t.url).get('/v1/audit-events').query({ action: 'inbox-settings.update' }).set(admin.auth)
    ).body as Page<AuditEventDto>;
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses assigning to someone outside the account, and crafted bodies', async () => {
    const v = await start('Val Assign');
    const other = await createTenant(t, await loginOwner(t));
    for (const body of [{ userId: other.admin.userId }, { userId: 'nope' }, {}, { userId: 5 }])
      await request(t.url).post(`/v1/chats/${v.chatId}/assign`).set(admin.auth).send(body).expect(400);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/assign`)
      .set(other.admin.auth)
      .send({ userId: null })
      .expect(404);
    // A visitor cannot reopen (staff routes are not found for visitors).
    await request(t.url).post(`/v1/chats/${v.chatId}/reopen`).set(v.auth).expect(404);
  });

  it('searches by visitor name, email, message text and file name', async () => {
    const v = await start('Quentin Searchable', { email: 'quentin@example.test' });
    await say(v.chatId, v.auth, 'The zeppelin invoice is wrong');
    expect(await view(admin, 'open', 'Quentin')).toEqual([v.chatId]);
    expect(await view(admin, 'open', 'quentin@example')).toEqual([v.chatId]);
    expect(await view(admin, 'open', 'zeppelin')).toEqual([v.chatId]);
    expect(await view(admin, 'open', 'no-such-thing-anywhere')).toEqual([]);
    const f = await start('Fiona Files');
    await uploadFile(t, f.chatId, f.auth, 'walrus-receipt.png', PNG);
    expect(await view(admin, 'open', 'walrus-rec')).toEqual([f.chatId]);
    expect(await view(admin, 'closed', 'zeppelin')).toEqual([]);
    await request(t.url).get('/v1/inbox').query({ view: 'everything' }).set(admin.auth).expect(400);
  });

  it('keeps what the widget knows of the visitor and lists their earlier chats', async () => {
    const context = {
      pageUrl: 'https://shop.example/checkout',
      pageTitle: 'Checkout',
      referrer: 'https://search.example/',
      browser: 'Chrome 131',
      os: 'Linux',
      language: 'de-DE',
      timeZone: 'Europe/Berlin',
      localTime: '2026-11-28T10:00:00+01:00',
    };
    const first = await start('Pia Panel', { email: 'pia@example.test' });
    const second = await start('Pia Panel', { email: 'pia@example.test', context });
    const profile = (
      await request(t.url).get(`/v1/inbox/${second.chatId}/visitor`).set(admin.auth).expect(200)
    ).body as VisitorProfileDto;
    expect(profile.chat.visitorContext).toMatchObject(context);
    expect(profile.earlier.map((c) => c.id)).toEqual([first.chatId]);
    await request(t.url)
      .post('/v1/widget/chats')
      .send({ widgetKey, context: { pageUrl: 'x'.repeat(3000) } })
      .expect(400);
    await request(t.url)
      .post('/v1/widget/chats')
      .send({ widgetKey, context: { evil: 1 } })
      .expect(400);
  });

  it('round-robin assigns new chats to the operators who are online, in turn', async () => {
    const tenant = await createTenant(t, await loginOwner(t), 'Round Robin Ltd');
    const [ana, ben] = [await createOperator(t, tenant.admin), await createOperator(t, tenant.admin)];
    await request(t.url)
      .put('/v1/settings/inbox')
      .set(tenant.admin.auth)
      .send({ autoAssign: true })
      .expect(200);
    const startIn = async () =>
      (
        await request(t.url)
          .post('/v1/widget/chats')
          .send({ widgetKey: tenant.account.widgetKey, name: 'Rob' })
          .expect(201)
      ).body.chatId as string;
    const assigneeOf = (chatId: string) =>
      waitFor(
        'the chat to be assigned',
        async () =>
          ((await request(t.url).get(`/v1/chats/${chatId}`).set(tenant.admin.auth)).body as ChatDto).assignee
            ?.id,
        5000,
        100,
      );
    const presenceOf = async (userId: string) =>
      (
        (await request(t.url).get('/v1/inbox/operators').set(ana.auth).expect(200)).body as {
          id: string;
          presence: string;
        }[]
      ).find((u) => u.id === userId)?.presence;

    // Nobody online: the chat stays unassigned.
    const first = await startIn();
    await eventHandlersIdle(t.app);
    expect((await request(t.url).get(`/v1/chats/${first}`).set(tenant.admin.auth)).body.assignee).toBeNull();

    const anaSocket = await inboxSocket(ana);
    await inboxSocket(ben);
    const presence = (await request(t.url).get('/v1/inbox/operators').set(ana.auth).expect(200)).body as {
      id: string;
      presence: string;
    }[];
    expect(presence.find((u) => u.id === ana.userId)?.presence).toBe('online');
    expect(presence.find((u) => u.id === tenant.admin.userId)?.presence).toBe('away');

    const picks = [await assigneeOf(await startIn()), await assigneeOf(await startIn())];
    expect(new Set(picks)).toEqual(new Set([ana.userId, ben.userId]));

    // Ana goes away: the next chats all go to Ben.
    anaSocket.close();
    await waitUntil('Ana to be offline', async () => (await presenceOf(ana.userId)) !== 'online');
    expect(await assigneeOf(await startIn())).toBe(ben.userId);
  });
});
