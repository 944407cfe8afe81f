import request from 'supertest';
import { DataSource } from 'typeorm';
import { PNG, uploadFile, type UploadedAttachment } from '../support/files';
import { accountWithOperator, createTenant, startVisitorChat } from '../support/fixtures';
import { connect, connectionString, disconnection, type Connected } from '../support/socket';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';

/** The socket without the contract's types, to send what a hostile client would. */
const untyped = (c: Connected) => c.socket as unknown as { emit(event: string, ...args: unknown[]): void };

type Visitor = { chatId: string; auth: { Authorization: string } };

/** Hostile `message:send` payloads over Socket.IO: refused in the ack, nothing stored, server up. */
describe('hostile: socket messages', () => {
  let t: TestApp;
  let visitor: Visitor;
  let me: Connected;
  /** The message string the next send must carry. */
  let current: string;
  let otherChatFile: UploadedAttachment;
  let otherTenantFile: UploadedAttachment;

  beforeAll(async () => {
    t = await startTestApp();
    const { owner, widgetKey } = await accountWithOperator(t);
    visitor = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    otherChatFile = await uploadFile(t, other.chatId, other.auth, 'theirs.png', PNG);
    const tenant = await createTenant(t, owner);
    const foreign = await startVisitorChat(t, tenant.account.widgetKey);
    otherTenantFile = await uploadFile(t, foreign.chatId, foreign.auth, 'foreign.png', PNG);
    me = await connect(t.url, {
      chatId: visitor.chatId,
      connectionString: await connectionString(t.url, visitor.chatId, visitor.auth),
    });
    current = me.session.messageString;
  });
  afterAll(async () => {
    me.socket.close();
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const db = () => t.app.get(DataSource);
  const messages = async () =>
    (await db().query('SELECT count(*)::int AS n FROM messages WHERE chat_id = $1', [visitor.chatId]))[0]
      .n as number;
  const linked = async (id: string) =>
    (await db().query('SELECT message_id FROM attachments WHERE id = $1', [id]))[0].message_id as
      string | null;

  /** Sends with the current message string; the ack must refuse with `error` and store nothing. */
  async function refused(payload: Record<string, unknown>, error: RegExp): Promise<void> {
    const before = await messages();
    const ack = (await me.socket.emitWithAck('message:send', {
      ...payload,
      messageString: current,
    })) as {
      ok: boolean;
      error?: string;
      nextMessageString?: string;
    };
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(error);
    if (ack.nextMessageString) current = ack.nextMessageString;
    expect(await messages()).toBe(before);
  }

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
    ['an array', [1, 2, 3]],
  ])('refuses a payload that is %s', async (_, payload) => {
    const before = await messages();
    const ack = (await me.socket.emitWithAck('message:send', payload as never)) as {
      ok: boolean;
      error: string;
    };
    expect(ack).toMatchObject({ ok: false, error: 'invalid message string' });
    expect(await messages()).toBe(before);
  });

  it('refuses text over the length limit', () => refused({ text: 'x'.repeat(10_001) }, /text/));
  it('refuses text that is not a string', () => refused({ text: { $gt: '' } }, /text/));
  it('refuses attachment ids that are not uuids', () =>
    refused({ attachmentIds: ['../../etc/passwd', "1' OR '1'='1"] }, /attachmentIds/));
  it('refuses ten thousand attachment ids', () =>
    refused(
      { attachmentIds: Array.from({ length: 10_000 }, () => '00000000-0000-4000-8000-000000000000') },
      /attachment/i,
    ));

  it("refuses another chat's attachment and leaves it unlinked", async () => {
    await refused({ text: 'mine now', attachmentIds: [otherChatFile.id] }, /not found|attachment/i);
    expect(await linked(otherChatFile.id)).toBeNull();
  });

  it("refuses another tenant's attachment and leaves it unlinked", async () => {
    await refused({ text: 'mine now', attachmentIds: [otherTenantFile.id] }, /not found|attachment/i);
    expect(await linked(otherTenantFile.id)).toBeNull();
  });

  it('ignores __proto__ in the payload', async () => {
    const ack = (await me.socket.emitWithAck(
      'message:send',
      JSON.parse(
        `{"__proto__": {"polluted": true}, "text": "proto", "messageString": "${current}"}`,
      ) as never,
    )) as { ok: boolean; nextMessageString: string };
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (ack.nextMessageString) current = ack.nextMessageString;
  });

  it('survives a send without an ack callback and unknown events', async () => {
    untyped(me).emit('message:send', { text: 'no ack', messageString: 'forged' });
    untyped(me).emit('admin:delete-everything', { all: true });
    await request(t.url).get('/health').expect(200);
  });

  it('drops a connection that sends a frame over 1 MB, and keeps serving others', async () => {
    const victim = await connect(t.url, {
      chatId: visitor.chatId,
      connectionString: await connectionString(t.url, visitor.chatId, visitor.auth),
    });
    const before = await messages();
    const gone = disconnection(victim.socket);
    untyped(victim).emit('message:send', {
      text: 'x'.repeat(2_000_000),
      messageString: victim.session.messageString,
    });
    expect(await gone).toMatch(/transport close|io server disconnect|transport error/);
    expect(await messages()).toBe(before);
    const ack = (await me.socket.emitWithAck('message:send', {
      text: 'still here',
      messageString: current,
    })) as {
      ok: boolean;
      nextMessageString: string;
    };
    expect(ack.ok).toBe(true);
    current = ack.nextMessageString;
  });
});
