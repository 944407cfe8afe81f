import request from 'supertest';
import { DataSource } from 'typeorm';
import { PNG, storedFiles } from '../support/files';
import { accountWithOperator } from '../support/fixtures';
import { connect, connectionString } from '../support/socket';
import { startTestApp, type TestApp } from '../support/test-app';

/** Runs `n` requests, `width` at a time; resolves with every status. */
async function flood(n: number, width: number, send: (i: number) => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) statuses.push(await send(next++));
    }),
  );
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/** The floods of issue 9, at small scale, against the DEFAULT limits: refused, nothing stored, still healthy. */
describe('floods are refused by the default rate limits', () => {
  let t: TestApp;
  let widgetKey: string;
  let operatorEmail: string;

  const rows = async (sql: string, params: unknown[]) =>
    Number((await t.app.get(DataSource).query(sql, params))[0].n);
  const healthy = () => request(t.url).get('/health').expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    const cast = await accountWithOperator(t);
    widgetKey = cast.widgetKey;
    operatorEmail = (await request(t.url).get('/v1/auth/me').set(cast.operator.auth)).body.user.email;
  });
  afterAll(() => t.close());

  it('50 wrong passwords for one account: at most the per-email limit are checked, then 429', async () => {
    const limit = t.config.rateLimits.login_email.points;
    const statuses = await flood(50, 5, async () => {
      const res = await request(t.url)
        .post('/v1/auth/login')
        .set('X-Forwarded-For', '127.0.0.50')
        .send({ email: operatorEmail, password: 'guess-guess' });
      return res.status;
    });
    console.log(`login flood: ${count(statuses, 401)}×401, ${count(statuses, 429)}×429 (limit ${limit})`);
    expect(count(statuses, 401)).toBe(limit);
    expect(count(statuses, 429)).toBe(50 - limit);
    // Locked: not even the right password gets in until an admin clears it or the window ends.
    await request(t.url)
      .post('/v1/auth/login')
      .set('X-Forwarded-For', '127.0.0.51')
      .send({ email: operatorEmail, password: 'operator-pass-1' })
      .expect(429);
    await healthy();
  });

  it('200 uploads by one visitor: the refused ones store no row and no file', async () => {
    const limit = t.config.rateLimits.upload_visitor.points;
    const chat = await request(t.url).post('/v1/widget/chats').send({ widgetKey }).expect(201);
    const auth = { Authorization: `Token ${chat.body.visitorToken}` };
    const statuses = await flood(200, 10, async () => {
      const res = await request(t.url)
        .post(`/v1/chats/${chat.body.chatId}/attachments`)
        .set(auth)
        .attach('files', PNG, 'dot.png');
      return res.status;
    });
    console.log(`upload flood: ${count(statuses, 201)}×201, ${count(statuses, 429)}×429 (limit ${limit})`);
    expect(count(statuses, 201)).toBe(limit);
    expect(count(statuses, 429)).toBe(200 - limit);
    expect(await rows('SELECT count(*) AS n FROM attachments WHERE chat_id = $1', [chat.body.chatId])).toBe(
      limit,
    );
    expect(storedFiles(t).filter((f) => !f.startsWith('tmp'))).toHaveLength(limit);
    await healthy();
  });

  it('100 widget chats from one IP: the refused ones create no chat', async () => {
    const limit = t.config.rateLimits.chat_start_ip.points;
    const before = await rows('SELECT count(*) AS n FROM chats', []);
    const statuses = await flood(100, 10, async () => {
      const res = await request(t.url)
        .post('/v1/widget/chats')
        .set('X-Forwarded-For', '127.0.0.60')
        .send({ widgetKey });
      return res.status;
    });
    console.log(
      `chat-start flood: ${count(statuses, 201)}×201, ${count(statuses, 429)}×429 (limit ${limit})`,
    );
    expect(count(statuses, 201)).toBe(limit);
    expect(count(statuses, 429)).toBe(100 - limit);
    expect(await rows('SELECT count(*) AS n FROM chats', [])).toBe(before + limit);
    await healthy();
  });

  it('200 messages on one socket: refused acks, no refused message stored', async () => {
    const limit = t.config.rateLimits.message_sender.points;
    const chat = await request(t.url).post('/v1/widget/chats').send({ widgetKey }).expect(201);
    const auth = { Authorization: `Token ${chat.body.visitorToken}` };
    const { socket, session } = await connect(t.url, {
      chatId: chat.body.chatId,
      connectionString: await connectionString(t.url, chat.body.chatId, auth),
    });
    try {
      let messageString = session.messageString;
      let ok = 0;
      let limited = 0;
      for (let i = 0; i < 200; i++) {
        const ack = await socket.emitWithAck('message:send', { text: `flood ${i}`, messageString });
        if (ack.ok) ok += 1;
        else if (ack.code === 'RATE_LIMITED') limited += 1;
        messageString = ack.nextMessageString ?? messageString;
      }
      console.log(`socket flood: ${ok} sent, ${limited} refused (limit ${limit})`);
      expect(ok).toBe(limit);
      expect(limited).toBe(200 - limit);
      expect(await rows('SELECT count(*) AS n FROM messages WHERE chat_id = $1', [chat.body.chatId])).toBe(
        limit,
      );
    } finally {
      socket.close();
    }
    await healthy();
  });
});
