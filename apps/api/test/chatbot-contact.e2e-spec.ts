import type { ChatDto, MessageDto } from '@satchel/contracts';
import { waitFor } from '@satchel/testing';
import request from 'supertest';
import { eventHandlersIdle } from './support/event-handlers';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** The chatbot step "ask for name and email": the visitor's answer names the chat for operators. */
describe('chatbot: ask for name and email', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
    await request(t.url)
      .put('/v1/settings/chatbot')
      .set(owner.auth)
      .send({
        enabled: true,
        botName: 'Satchel Bot',
        steps: [
          { type: 'askContact', prompt: 'What is your name and email?' },
          { type: 'say', text: 'Thanks! An operator will be with you.' },
          { type: 'handover' },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.close());

  const chatOf = async (chatId: string) =>
    (await request(t.url).get(`/v1/chats/${chatId}`).set(operator.auth).expect(200)).body as ChatDto;
  const texts = async (chatId: string, auth: Record<string, string>) =>
    (
      (await request(t.url).get(`/v1/chats/${chatId}/messages`).set(auth).expect(200)).body as MessageDto[]
    ).map((m) => [m.author.role, m.text]);

  const eventually = <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> =>
    waitFor(
      'the chat to change',
      async () => {
        const v = await read();
        return ok(v) ? v : undefined;
      },
      5000,
      50,
      false,
    );

  it('asks, takes the answer as the visitor’s name and email, then goes on and hands over', async () => {
    const v = await startVisitorChat(t, widgetKey, 'Visitor');
    expect(await texts(v.chatId, v.auth)).toEqual([['bot', 'What is your name and email?']]);
    expect((await chatOf(v.chatId)).status).toBe('pending');

    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: "Hi, I'm Ada Lovelace — ada@Example.com" })
      .expect(201);
    const chat = await eventually(
      () => chatOf(v.chatId),
      (c) => c.status === 'open',
    );
    expect(chat).toMatchObject({
      visitorName: 'Ada Lovelace',
      visitorEmail: 'ada@example.com',
      status: 'open',
    });
    expect(await texts(v.chatId, v.auth)).toEqual([
      ['bot', 'What is your name and email?'],
      ['visitor', "Hi, I'm Ada Lovelace — ada@Example.com"],
      ['bot', 'Thanks! An operator will be with you.'],
      ['bot', 'I am passing you to a colleague: an operator will answer here shortly.'],
    ]);
  });

  it('takes only the first answer; later messages are ordinary chat', async () => {
    const v = await startVisitorChat(t, widgetKey, 'Visitor');
    const send = (text: string) =>
      request(t.url).post(`/v1/chats/${v.chatId}/messages`).set(v.auth).send({ text }).expect(201);
    await send('Grace, grace@example.org');
    await eventually(
      () => chatOf(v.chatId),
      (c) => c.status === 'open',
    );
    await send('My colleague is bob@example.org');
    await eventHandlersIdle(t.app);
    expect(await chatOf(v.chatId)).toMatchObject({ visitorName: 'Grace', visitorEmail: 'grace@example.org' });
  });

  it('refuses the step without a prompt, naming the field', async () => {
    const res = await request(t.url)
      .put('/v1/settings/chatbot')
      .set(owner.auth)
      .send({ enabled: true, botName: 'Bot', steps: [{ type: 'askContact', prompt: ' ' }] })
      .expect(400);
    expect(res.body).toMatchObject({ field: 'steps.0.prompt' });
  });
});
