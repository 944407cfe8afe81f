import type { ServerToClientEvents } from '@satchel/contracts';
import request from 'supertest';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { attachmentRows, PNG, pdfOfSize, storedFiles, uploadFile } from './support/files';
import { connect, connectionString, nextEvent, type ChatSocket } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

describe('messages with attachments', () => {
  let t: TestApp;
  let operator: Session;
  let widgetKey: string;
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ operator, widgetKey } = await accountWithOperator(t));
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  /** A participant's socket in the chat room, and a way to await its next event of a kind. */
  async function join(chatId: string, auth: { Authorization: string }) {
    const { socket } = await connect(t.url, {
      chatId,
      connectionString: await connectionString(t.url, chatId, auth),
    });
    sockets.push(socket);
    return <E extends keyof ServerToClientEvents>(event: E) => nextEvent(socket, event);
  }

  it('links uploaded attachments to a message; participants get both over Socket.IO', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const operatorSees = await join(v.chatId, operator.auth);
    const created = operatorSees('attachment:created');
    const up = await uploadFile(t, v.chatId, v.auth, 'screenshot.png', PNG);
    expect(await created).toMatchObject({ id: up.id, name: 'screenshot.png' });

    const message = operatorSees('message:new');
    const sent = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'see this', attachmentIds: [up.id] })
      .expect(201);
    expect(sent.body.attachments).toEqual([
      expect.objectContaining({ id: up.id, messageId: sent.body.id, contentType: 'image/png' }),
    ]);
    expect((await message).attachments.map((a) => a.id)).toEqual([up.id]);

    const list = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(operator.auth).expect(200);
    expect(list.body.at(-1).attachments[0]).toMatchObject({
      id: up.id,
      url: expect.stringContaining('sig='),
    });
    const again = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ attachmentIds: [up.id] })
      .expect(400);
    expect(again.body).toEqual({
      error: `Unknown or already sent attachment: ${up.id}`,
      field: 'attachmentIds',
      code: 'VALIDATION_FAILED',
    });
  });

  it('does not let a visitor send another chat’s or the operator’s file', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const theirs = await uploadFile(t, other.chatId, other.auth, 'a.png', PNG);
    const operators = await uploadFile(t, v.chatId, operator.auth, 'b.png', PNG);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ attachmentIds: [theirs.id] })
      .expect(400);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ attachmentIds: [operators.id] })
      .expect(400);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(operator.auth)
      .send({ attachmentIds: [operators.id] })
      .expect(201);
  });

  it('sends text and files as one message in one multipart request', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const visitorSees = await join(v.chatId, v.auth);
    const message = visitorSees('message:new');
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages/with-files`)
      .set(operator.auth)
      .field('text', 'Here is the guide')
      .attach('files', pdfOfSize(30_000), 'guide.pdf')
      .attach('files', PNG, 'diagram.png')
      .expect(201);
    expect(res.body).toMatchObject({
      chatId: v.chatId,
      text: 'Here is the guide',
      author: { role: 'operator' },
    });
    expect(res.body.attachments.map((a: { name: string }) => a.name)).toEqual(['guide.pdf', 'diagram.png']);
    expect((await message).attachments).toHaveLength(2);
  });

  it('stores nothing when the message cannot be sent', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages/with-files`)
      .set(v.auth)
      .field('text', 'x'.repeat(10_001))
      .attach('files', PNG, 'a.png')
      .expect(400);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages/with-files`)
      .set(v.auth)
      .field('text', 'only text, bad file')
      .attach('files', PNG, 'a.pdf')
      .expect(415);
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
  });
});
