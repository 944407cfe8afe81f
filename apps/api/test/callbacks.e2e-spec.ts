import type { DeliveryDto } from '@satchel/contracts';
import request from 'supertest';
import { verifyWebhook } from '../src/integrations/callbacks/webhook-signature';
import {
  eventually,
  startCallbackReceiver,
  type CallbackReceiver,
  type Received,
} from './support/callback-receiver';
import {
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { pdfOfSize, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('file callbacks (seed 002 External CallBack)', () => {
  let t: TestApp;
  let owner: Session;
  let receiver: CallbackReceiver;
  let secret: string;
  let chat: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp({
      OUTBOUND_ALLOW: '127.0.0.1',
      CALLBACK_RETRY_SCHEDULE: '50ms,100ms,100ms,100ms',
      CALLBACK_TIMEOUT_MS: '300',
    });
    owner = await loginOwner(t);
    receiver = await startCallbackReceiver();
    const saved = await request(t.url)
      .put('/v1/settings/callback')
      .set(owner.auth)
      .send({ enabled: true, url: receiver.url })
      .expect(200);
    secret = saved.body.secret;
    chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  const settled = (attachmentId: string, status: DeliveryDto['status']) =>
    eventually(
      async () => {
        // The record is written just after the upload answers (off the request path).
        const res = await request(t.url)
          .get('/v1/deliveries')
          .query({ attachmentId, kind: 'callback' })
          .set(owner.auth)
          .expect(200);
        const d = res.body.items[0] as DeliveryDto | undefined;
        return d?.status === status && d;
      },
      15000,
      `delivery ${status}`,
    );
  const requestsFor = (name: string): Received[] =>
    receiver.received.filter((r) => r.files.file?.filename === name);

  it("delivers a visitor's and an operator's upload as multipart file + chatID and stores uid/url", async () => {
    const operator = await createOperator(t, owner);
    const visitorBytes = pdfOfSize(20_000);
    const operatorBytes = pdfOfSize(7_000);
    const fromVisitor = await uploadFile(t, chat.chatId, chat.auth, 'Visitor report.pdf', visitorBytes);
    const fromOperator = await uploadFile(
      t,
      chat.chatId,
      operator.auth,
      'operator-invoice.pdf',
      operatorBytes,
    );

    for (const [a, bytes] of [
      [fromVisitor, visitorBytes],
      [fromOperator, operatorBytes],
    ] as const) {
      const d = await settled(a.id, 'delivered');
      const [got] = requestsFor(a.name);
      expect(got.fields.chatID).toBe(chat.chatId);
      expect(got.files.file.mimeType).toBe('application/pdf');
      expect(got.files.file.data.equals(bytes)).toBe(true);
      expect(got.headers['webhook-id']).toBe(d.webhookId);
      expect(verifyWebhook(secret, got.headers as never, got.raw)).toBe(true);
      expect(d).toMatchObject({
        kind: 'callback',
        attachmentId: a.id,
        chatId: chat.chatId,
        attempts: 1,
        uid: `uid-${got.n}`,
        target: receiver.url,
      });
      expect(d.attemptsLog).toEqual([
        expect.objectContaining({ attempt: 1, outcome: 'delivered', httpStatus: 200, error: null }),
      ]);
      const shown = await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth).expect(200);
      expect(shown.body.callback).toMatchObject({
        status: 'delivered',
        uid: `uid-${got.n}`,
        url: `https://files.example/${got.n}`,
      });
      expect(shown.body.callback.deliveredAt).toEqual(expect.any(String));
    }
  });

  it('retries status 1, HTTP 500, a timeout and malformed JSON, then succeeds; every attempt is logged', async () => {
    receiver.reply(
      { body: { status: 1, message: 'busy, try later' } },
      { status: 500, body: 'boom' },
      { hang: true },
      { body: '<html>' },
    );
    const a = await uploadFile(t, chat.chatId, chat.auth, 'retried.pdf', pdfOfSize());
    const d = await settled(a.id, 'delivered');
    expect(d.attempts).toBe(5);
    expect(d.attemptsLog.map((x) => [x.attempt, x.outcome, x.httpStatus])).toEqual([
      [1, 'refused', 200],
      [2, 'error', 500],
      [3, 'error', null],
      [4, 'error', 200],
      [5, 'delivered', 200],
    ]);
    expect(d.attemptsLog[0].error).toContain('busy, try later');
    expect(d.attemptsLog[1]).toMatchObject({
      error: expect.stringContaining('HTTP 500'),
      responseExcerpt: 'boom',
    });
    expect(d.attemptsLog[2].error).toContain('Timed out');
    expect(d.attemptsLog[3].error).toContain('not JSON');
    const got = requestsFor('retried.pdf');
    expect(got).toHaveLength(5);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([d.webhookId]));
    for (const r of got) expect(verifyWebhook(secret, r.headers as never, r.raw)).toBe(true);
  });

  it('ends failed after the schedule; the attachment shows it; a manual retry delivers it', async () => {
    receiver.reply(...Array.from({ length: 5 }, () => ({ status: 503, body: 'down' })));
    const a = await uploadFile(t, chat.chatId, chat.auth, 'doomed.pdf', pdfOfSize());
    const failed = await settled(a.id, 'failed');
    expect(failed).toMatchObject({
      attempts: 5,
      lastHttpStatus: 503,
      lastError: expect.stringContaining('HTTP 503'),
    });
    const shown = await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth).expect(200);
    expect(shown.body.callback).toMatchObject({
      status: 'failed',
      uid: null,
      message: expect.stringContaining('503'),
    });

    const retried = await request(t.url)
      .post(`/v1/deliveries/${failed.id}/retry`)
      .set(owner.auth)
      .expect(202);
    expect(retried.body.status).toBe('pending');
    const done = await settled(a.id, 'delivered');
    expect(done.attempts).toBe(6);
    expect(requestsFor('doomed.pdf').at(-1)?.headers['webhook-id']).toBe(failed.webhookId);
    const again = await request(t.url).post(`/v1/deliveries/${failed.id}/retry`).set(owner.auth).expect(409);
    expect(again.body.error).toContain('Only failed or refused');
  });

  it("keeps each account's deliveries to itself and filters the log", async () => {
    const [any] = (await request(t.url).get('/v1/deliveries').set(owner.auth).expect(200)).body
      .items as DeliveryDto[];
    const other = await createTenant(t, owner);
    await request(t.url).get(`/v1/deliveries/${any.id}`).set(other.admin.auth).expect(404);
    await request(t.url).post(`/v1/deliveries/${any.id}/retry`).set(other.admin.auth).expect(404);
    expect((await request(t.url).get('/v1/deliveries').set(other.admin.auth).expect(200)).body.total).toBe(0);
    const byStatus = await request(t.url)
      .get('/v1/deliveries')
      .query({ status: 'delivered', chatId: chat.chatId, pageSize: 2 })
      .set(owner.auth);
    expect(byStatus.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(byStatus.body.items).toHaveLength(2);
    await request(t.url).get('/v1/deliveries').query({ kind: 'nope' }).set(owner.auth).expect(400);
  });
});
