import request from 'supertest';
import { ChatsService } from '../src/chats/chats.service';
import {
  createApiToken,
  createOperator,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { PNG, pathOf, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('chats and messages', () => {
  let t: TestApp;
  let admin: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, admin);
  });
  afterAll(() => t.close());

  it('a visitor starts a chat with the widget key and gets a token scoped to it', async () => {
    const v = await startVisitorChat(t, widgetKey, 'Ada');
    const chat = await request(t.url).get(`/v1/chats/${v.chatId}`).set(v.auth).expect(200);
    expect(chat.body).toMatchObject({ id: v.chatId, status: 'open', visitorName: 'Ada', source: 'widget' });
    await request(t.url).get('/v1/chats').set(v.auth).expect(404);
  });

  it('an unknown widget key is a 404 naming the field', async () => {
    const res = await request(t.url).post('/v1/widget/chats').send({ widgetKey: 'wk_nope' }).expect(404);
    expect(res.body).toEqual({ error: 'Widget key not found', field: 'widgetKey', code: 'NOT_FOUND' });
  });

  it('visitor and operator exchange messages; both read the history in order', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const op = await createOperator(t, admin);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'Hello?' })
      .expect(201);
    const reply = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(op.auth)
      .send({ text: 'Hi, how can I help?' })
      .expect(201);
    expect(reply.body.author).toMatchObject({ role: 'operator', name: 'Olga Operator' });
    const history = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
    expect(history.body.map((m: { text: string }) => m.text)).toEqual(['Hello?', 'Hi, how can I help?']);
    const before = await request(t.url)
      .get(`/v1/chats/${v.chatId}/messages?before=${reply.body.id}`)
      .set(op.auth)
      .expect(200);
    expect(before.body.map((m: { text: string }) => m.text)).toEqual(['Hello?']);
  });

  it('pages a long history backwards with before=<id>&limit=, validated', async () => {
    const v = await startVisitorChat(t, widgetKey);
    for (let i = 1; i <= 7; i++) {
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/messages`)
        .set(v.auth)
        .send({ text: `m${i}` })
        .expect(201);
    }
    const page = async (query: string) =>
      (await request(t.url).get(`/v1/chats/${v.chatId}/messages?${query}`).set(admin.auth).expect(200))
        .body as { id: string; text: string }[];
    const pages: string[][] = [];
    let batch = await page('limit=3');
    while (batch.length) {
      pages.push(batch.map((m) => m.text));
      batch = await page(`limit=3&before=${batch[0].id}`);
    }
    expect(pages).toEqual([['m5', 'm6', 'm7'], ['m2', 'm3', 'm4'], ['m1']]);

    // A message of another chat is no cursor here.
    const other = await startVisitorChat(t, widgetKey);
    const foreign = await request(t.url)
      .post(`/v1/chats/${other.chatId}/messages`)
      .set(other.auth)
      .send({ text: 'elsewhere' })
      .expect(201);
    expect(await page(`before=${foreign.body.id}`)).toEqual([]);

    for (const bad of ['before=not-a-uuid', 'limit=0', 'limit=201', 'limit=ten']) {
      const res = await request(t.url)
        .get(`/v1/chats/${v.chatId}/messages?${bad}`)
        .set(admin.auth)
        .expect(400);
      expect(res.body.field).toBe(bad.split('=')[0]);
    }
  });

  it('refuses an empty message and a message to a closed chat', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const empty = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: '  ' })
      .expect(400);
    expect(empty.body).toEqual({
      error: 'A message needs text or attachments',
      field: 'text',
      code: 'VALIDATION_FAILED',
    });
    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(admin.auth).expect(200);
    const closed = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'hi' })
      .expect(403);
    expect(closed.body.error).toBe('This chat is closed');
  });

  it('API clients create chats and list them with filters and pagination', async () => {
    const api = await createApiToken(t, admin);
    const created = await request(t.url)
      .post('/v1/chats')
      .set(api)
      .send({ visitorName: 'Zed from CRM' })
      .expect(201);
    expect(created.body).toMatchObject({ source: 'api', status: 'open' });
    const found = await request(t.url).get('/v1/chats?q=zed&status=open&pageSize=5').set(api).expect(200);
    expect(found.body).toMatchObject({ total: 1, page: 1, pageSize: 5, items: [{ id: created.body.id }] });
    const bad = await request(t.url).get('/v1/chats?pageSize=1000').set(api).expect(400);
    expect(bad.body.field).toBe('pageSize');
  });

  it('a visitor cannot read another visitor’s chat', async () => {
    const a = await startVisitorChat(t, widgetKey);
    const b = await startVisitorChat(t, widgetKey);
    await request(t.url).get(`/v1/chats/${b.chatId}`).set(a.auth).expect(404);
    await request(t.url).get(`/v1/chats/${b.chatId}/messages`).set(a.auth).expect(404);
    await request(t.url).post(`/v1/chats/${b.chatId}/messages`).set(a.auth).send({ text: 'x' }).expect(404);
    await request(t.url).post(`/v1/chats/${b.chatId}/connection`).set(a.auth).expect(404);
  });

  it('the maintenance job closes idle visitor chats', async () => {
    const v = await startVisitorChat(t, widgetKey);
    expect(await t.app.get(ChatsService).expireIdle(-1)).toBeGreaterThanOrEqual(1);
    const chat = await request(t.url).get(`/v1/chats/${v.chatId}`).set(admin.auth).expect(200);
    expect(chat.body.status).toBe('closed');
  });

  it('a visitor keeps reading a closed chat and its files, and can no longer write to it', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const file = await uploadFile(t, v.chatId, admin.auth, 'receipt.png', PNG);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(admin.auth)
      .send({ text: 'Your receipt', attachmentIds: [file.id] })
      .expect(201);
    await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(admin.auth).expect(200);

    const chat = await request(t.url).get(`/v1/chats/${v.chatId}`).set(v.auth).expect(200);
    expect(chat.body.status).toBe('closed');
    const messages = await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(v.auth).expect(200);
    expect(messages.body).toHaveLength(1);
    const [shown] = messages.body[0].attachments as { url: string; name: string }[];
    expect(shown.name).toBe('receipt.png');
    const download = await request(t.url).get(pathOf(shown.url)).set(v.auth).expect(200);
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    await request(t.url).get(`/v1/chats/${v.chatId}/file-requests`).set(v.auth).expect(200);

    const write = await request(t.url)
      .post(`/v1/chats/${v.chatId}/messages`)
      .set(v.auth)
      .send({ text: 'one more thing' })
      .expect(403);
    expect(write.body.error).toBe('This chat is closed');
    const upload = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', PNG, 'late.png')
      .expect(403);
    expect(upload.body.error).toBe('This chat is closed');

    // The visitor's next chat has its own token: it does not open the earlier chat, nor the reverse.
    const next = await startVisitorChat(t, widgetKey);
    await request(t.url).get(`/v1/chats/${v.chatId}/messages`).set(next.auth).expect(404);
    await request(t.url).get(`/v1/chats/${next.chatId}/messages`).set(v.auth).expect(404);
  });
});
