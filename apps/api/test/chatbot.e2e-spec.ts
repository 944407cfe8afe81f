import type { FileRequestDto, MessageDto, RealtimeSendAck } from '@satchel/contracts';
import { waitFor } from '@satchel/testing';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  accountWithOperator,
  createApiToken,
  createTenant,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { eventHandlersIdle } from './support/event-handlers';
import { uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Auth = { Authorization: string };

/** A participant's live connection (seed 004): everything it receives, and sending with message strings. */
class Live {
  readonly messages: MessageDto[] = [];
  readonly requests: FileRequestDto[] = [];
  private messageString = '';

  private constructor(private readonly socket: Socket) {
    socket.on('message:new', (m: MessageDto) => this.messages.push(m));
    socket.on('file-request:updated', (r: FileRequestDto) => this.requests.push(r));
  }

  static async open(t: TestApp, chatId: string, auth: Auth): Promise<Live> {
    const conn = await request(t.url).post(`/v1/chats/${chatId}/connection`).set(auth).expect(201);
    const socket = io(t.url, {
      transports: ['websocket'],
      auth: { chatId, connectionString: conn.body.connectionString },
      forceNew: true,
    });
    const live = new Live(socket);
    live.messageString = await new Promise<string>((resolve, reject) => {
      socket.once('session', (s: { messageString: string }) => resolve(s.messageString));
      socket.once('connect_error', reject);
    });
    return live;
  }

  async send(body: {
    text?: string;
    attachmentIds?: string[];
    fileRequestId?: string;
  }): Promise<RealtimeSendAck> {
    const ack = await this.socket
      .timeout(5000)
      .emitWithAck('message:send', { ...body, messageString: this.messageString });
    if (ack.nextMessageString) this.messageString = ack.nextMessageString;
    return ack as RealtimeSendAck;
  }

  waitFor<T>(what: () => T | undefined, ms = 5000): Promise<T> {
    return waitFor('a realtime event', what, ms, 25);
  }

  close(): void {
    this.socket.close();
  }
}

describe('chatbot and file requests', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;
  const open: Live[] = [];

  const upload = async (chatId: string, auth: Auth, name: string, bytes: Buffer) =>
    (await uploadFile(t, chatId, auth, name, bytes)).id;

  async function live(chatId: string, auth: Auth): Promise<Live> {
    const l = await Live.open(t, chatId, auth);
    open.push(l);
    return l;
  }

  async function messages(chatId: string, auth: Auth): Promise<MessageDto[]> {
    return (await request(t.url).get(`/v1/chats/${chatId}/messages`).set(auth).expect(200)).body;
  }

  /** The bot may ask before the visitor's socket is connected: read requests over HTTP. */
  async function requestWhere(
    chatId: string,
    auth: Auth,
    pred: (r: FileRequestDto) => boolean,
  ): Promise<FileRequestDto> {
    return waitFor(
      'a file request',
      async () => {
        const list: FileRequestDto[] = (
          await request(t.url).get(`/v1/chats/${chatId}/file-requests`).set(auth).expect(200)
        ).body;
        return list.find(pred);
      },
      5000,
      50,
      false,
    );
  }

  async function configureBot(steps: unknown[], session = owner) {
    return request(t.url)
      .put('/v1/settings/chatbot')
      .set(session.auth)
      .send({ enabled: true, botName: 'Satchel Bot', steps })
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
  });
  afterAll(async () => {
    for (const l of open) l.close();
    await t.close();
  });

  describe('settings', () => {
    it('starts disabled, is saved by admins and read back', async () => {
      const before = await request(t.url).get('/v1/settings/chatbot').set(owner.auth).expect(200);
      expect(before.body).toEqual({ enabled: false, botName: 'Assistant', steps: [] });
      const steps = [
        { type: 'say', text: 'Hello!' },
        {
          type: 'askFile',
          prompt: 'Your invoice, please',
          allowedTypes: 'PDF| .png',
          maxSizeKb: 100,
          skippable: true,
        },
        { type: 'handover', text: 'An operator will take over.' },
      ];
      const saved = await configureBot(steps);
      expect(saved.body.steps[1]).toEqual({ ...steps[1], allowedTypes: 'pdf|png' });
      expect((await request(t.url).get('/v1/settings/chatbot').set(operator.auth).expect(200)).body).toEqual(
        saved.body,
      );
    });

    it('names the invalid step field and refuses operators', async () => {
      const bad = await request(t.url)
        .put('/v1/settings/chatbot')
        .set(owner.auth)
        .send({
          enabled: true,
          botName: 'Bot',
          steps: [
            { type: 'say', text: 'hi' },
            { type: 'askFile', prompt: '' },
          ],
        })
        .expect(400);
      expect(bad.body).toMatchObject({ field: 'steps.1.prompt' });
      const badType = await request(t.url)
        .put('/v1/settings/chatbot')
        .set(owner.auth)
        .send({
          enabled: true,
          botName: 'Bot',
          steps: [{ type: 'askFile', prompt: 'x', allowedTypes: 'pdf|exe1' }],
        })
        .expect(400);
      expect(badType.body).toEqual({
        error: 'Unknown file type "exe1" in allowedTypes',
        field: 'steps.0.allowedTypes',
        token: 'exe1',
        code: 'VALIDATION_FAILED',
      });
      await request(t.url)
        .put('/v1/settings/chatbot')
        .set(operator.auth)
        .send({ enabled: false, botName: 'x', steps: [] })
        .expect(403);
    });

    it('refuses an ask-for-file step with a blank prompt, naming step and field for people', async () => {
      const before = await configureBot([{ type: 'askFile', prompt: 'Your invoice, please' }]);
      for (const prompt of ['', '   ']) {
        const bad = await request(t.url)
          .put('/v1/settings/chatbot')
          .set(owner.auth)
          .send({
            enabled: true,
            botName: 'Bot',
            steps: [
              { type: 'say', text: 'hi' },
              { type: 'askFile', prompt },
            ],
          })
          .expect(400);
        expect(bad.body).toEqual({
          error: 'Step 2: the prompt must not be empty',
          field: 'steps.1.prompt',
          code: 'invalid_chatbot_step',
        });
      }
      const kept = await request(t.url).get('/v1/settings/chatbot').set(owner.auth).expect(200);
      expect(kept.body.steps).toEqual(before.body.steps);
    });

    it("keeps each account's bot to itself", async () => {
      const other = await createTenant(t, owner);
      const res = await request(t.url).get('/v1/settings/chatbot').set(other.admin.auth).expect(200);
      expect(res.body.enabled).toBe(false);
    });
  });

  describe('a bot that asks for a file', () => {
    beforeAll(async () => {
      await configureBot([
        { type: 'say', text: 'Hello, I am the bot.' },
        { type: 'askFile', prompt: 'Please upload your invoice (PDF).', allowedTypes: 'pdf' },
        { type: 'say', text: 'Thank you, got it.' },
        { type: 'handover' },
      ]);
    });

    it('greets, asks, waits for the file, then goes on after the upload', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const visitor = await live(v.chatId, v.auth);
      const opLive = await live(v.chatId, operator.auth);

      const asked = await requestWhere(v.chatId, v.auth, (r) => r.status === 'open');
      expect(asked).toMatchObject({
        prompt: 'Please upload your invoice (PDF).',
        allowedTypes: 'pdf',
        requestedBy: { role: 'bot', name: 'Satchel Bot' },
      });
      const history = await messages(v.chatId, v.auth);
      expect(history.map((m) => [m.author.role, m.text])).toEqual([
        ['bot', 'Hello, I am the bot.'],
        ['bot', 'Please upload your invoice (PDF).'],
      ]);
      expect(asked.messageId).toBe(history[1]?.id);

      // It waits: a text does not move it on, and a file of another type is refused for the request.
      expect(await visitor.send({ text: 'here it comes' })).toMatchObject({ ok: true });
      const png = await upload(v.chatId, v.auth, 'photo.png', PNG);
      const refused = await visitor.send({ attachmentIds: [png], fileRequestId: asked.id });
      expect(refused).toMatchObject({
        ok: false,
        error: expect.stringContaining('photo.png: file type .png is not what was requested'),
      });
      await eventHandlersIdle(t.app);
      expect((await messages(v.chatId, v.auth)).filter((m) => m.author.role === 'bot')).toHaveLength(2);

      const pdf = await upload(v.chatId, v.auth, 'invoice.pdf', PDF);
      const ack = await visitor.send({ attachmentIds: [pdf], fileRequestId: asked.id });
      expect(ack.ok).toBe(true);
      const done = await visitor.waitFor(() =>
        visitor.requests.find((r) => r.id === asked.id && r.status === 'fulfilled'),
      );
      expect(done.fulfilledMessageId).toBe(ack.ok ? ack.message.id : null);
      await visitor.waitFor(() =>
        visitor.messages.find((m) => m.author.role === 'bot' && m.text.startsWith('I am passing you')),
      );
      const after = (await messages(v.chatId, v.auth))
        .filter((m) => m.author.role === 'bot')
        .map((m) => m.text);
      expect(after.slice(2)).toEqual([
        'Thank you, got it.',
        expect.stringContaining('an operator will answer'),
      ]);
      await opLive.waitFor(() => opLive.requests.find((r) => r.status === 'fulfilled'));

      // A fulfilled request cannot be answered twice.
      const again = await upload(v.chatId, v.auth, 'second.pdf', PDF);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ attachmentIds: [again], fileRequestId: asked.id })
        .expect(409);
    });

    it('takes a matching file sent without the request button', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const visitor = await live(v.chatId, v.auth);
      const asked = await requestWhere(v.chatId, v.auth, (r) => r.status === 'open');
      const pdf = await upload(v.chatId, v.auth, 'scan.pdf', PDF);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ attachmentIds: [pdf] })
        .expect(201);
      await visitor.waitFor(() =>
        visitor.requests.find((r) => r.id === asked.id && r.status === 'fulfilled'),
      );
      await visitor.waitFor(() => visitor.messages.find((m) => m.text === 'Thank you, got it.'));
    });

    it('does not run for chats created through the API, nor when disabled', async () => {
      const api = await createApiToken(t, owner);
      const chat = await request(t.url)
        .post('/v1/chats')
        .set(api)
        .send({ visitorName: 'API chat' })
        .expect(201);
      await eventHandlersIdle(t.app);
      expect(await messages(chat.body.id, api)).toEqual([]);
      await request(t.url)
        .put('/v1/settings/chatbot')
        .set(owner.auth)
        .send({ enabled: false, botName: 'Bot', steps: [{ type: 'say', text: 'x' }] })
        .expect(200);
      const v = await startVisitorChat(t, widgetKey);
      await eventHandlersIdle(t.app);
      expect(await messages(v.chatId, v.auth)).toEqual([]);
    });

    it('lets the visitor skip a skippable request and refuses to skip the others', async () => {
      await configureBot([
        { type: 'askFile', prompt: 'A photo, if you have one.', skippable: true },
        { type: 'askFile', prompt: 'Now the contract.' },
      ]);
      const v = await startVisitorChat(t, widgetKey);
      const visitor = await live(v.chatId, v.auth);
      const first = await requestWhere(v.chatId, v.auth, (r) => r.prompt.startsWith('A photo'));
      expect(first.skippable).toBe(true);
      const skipped = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests/${first.id}/skip`)
        .set(v.auth)
        .expect(200);
      expect(skipped.body.status).toBe('skipped');
      const second = await visitor.waitFor(() =>
        visitor.requests.find((r) => r.prompt === 'Now the contract.'),
      );
      const res = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests/${second.id}/skip`)
        .set(v.auth)
        .expect(422);
      expect(res.body).toEqual({ error: 'This file request cannot be skipped', code: 'UNPROCESSABLE' });
    });
  });

  describe('requests by operators and API clients', () => {
    beforeAll(async () => {
      await request(t.url)
        .put('/v1/settings/chatbot')
        .set(owner.auth)
        .send({ enabled: false, botName: 'Bot', steps: [] })
        .expect(200);
    });

    it('an operator asks for a file; the visitor answers within the narrower limits', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const visitor = await live(v.chatId, v.auth);
      const created = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(operator.auth)
        .send({ prompt: 'Could you send a screenshot?', allowedTypes: 'png|pdf', maxSizeKb: 1 })
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'open',
        allowedTypes: 'png|pdf',
        maxSizeKb: 1,
        requestedBy: { role: 'operator', name: 'Olga Operator' },
      });
      const msg = await visitor.waitFor(() => visitor.messages.find((m) => m.id === created.body.messageId));
      expect(msg).toMatchObject({ text: 'Could you send a screenshot?', author: { role: 'operator' } });

      const big = await upload(v.chatId, v.auth, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(2048, 32)]));
      const tooBig = await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ attachmentIds: [big], fileRequestId: created.body.id })
        .expect(413);
      expect(tooBig.body.error).toBe('big.pdf: file is larger than the requested limit of 1 KB');
      // The refused message was not stored and its file stays unlinked.
      expect((await messages(v.chatId, v.auth)).some((m) => m.attachments.length)).toBe(false);

      const png = await upload(v.chatId, v.auth, 'shot.png', PNG);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ text: 'Here', attachmentIds: [png], fileRequestId: created.body.id })
        .expect(201);
      await visitor.waitFor(() =>
        visitor.requests.find((r) => r.id === created.body.id && r.status === 'fulfilled'),
      );
      const list = await request(t.url)
        .get(`/v1/chats/${v.chatId}/file-requests`)
        .set(operator.auth)
        .expect(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0].status).toBe('fulfilled');
    });

    it('API clients can ask and cancel; visitors cannot ask; bad input names the field', async () => {
      const api = await createApiToken(t, owner);
      const v = await startVisitorChat(t, widgetKey);
      const r = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(api)
        .send({ prompt: 'ID document please' })
        .expect(201);
      expect(r.body.requestedBy.role).toBe('api');
      const cancelled = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests/${r.body.id}/cancel`)
        .set(api)
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      // Staff-only routes do not exist for visitors.
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(v.auth)
        .send({ prompt: 'x' })
        .expect(404);
      const bad = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(api)
        .send({ prompt: 'x', allowedTypes: 'pdf|zzz' })
        .expect(400);
      expect(bad.body).toMatchObject({ field: 'allowedTypes' });
      const missing = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(api)
        .send({})
        .expect(400);
      expect(missing.body.field).toBe('prompt');
      const blank = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(api)
        .send({ prompt: '   ' })
        .expect(400);
      expect(blank.body).toMatchObject({ field: 'prompt', error: 'prompt must not be empty' });
    });

    it("another account and another chat's visitor get 404", async () => {
      const v = await startVisitorChat(t, widgetKey);
      const r = await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(operator.auth)
        .send({ prompt: 'A file?' })
        .expect(201);
      const other = await createTenant(t, owner);
      await request(t.url).get(`/v1/chats/${v.chatId}/file-requests`).set(other.admin.auth).expect(404);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests`)
        .set(other.admin.auth)
        .send({ prompt: 'x' })
        .expect(404);
      const stranger = await startVisitorChat(t, widgetKey);
      await request(t.url).get(`/v1/chats/${v.chatId}/file-requests`).set(stranger.auth).expect(404);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/file-requests/${r.body.id}/skip`)
        .set(stranger.auth)
        .expect(404);
      const rows = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM file_requests WHERE chat_id = $1', [v.chatId]);
      expect(rows[0].n).toBe(1);
    });
  });
});
