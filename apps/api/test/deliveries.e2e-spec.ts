import type { DeliveryDto } from '@satchel/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { EVENTS } from '../src/common/events/events';
import { DeliveryWorkers } from '../src/integrations/deliveries/delivery-workers';
import { verifyWebhook } from '../src/integrations/callbacks/webhook-signature';
import { eventually, startCallbackReceiver, type CallbackReceiver } from './support/callback-receiver';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { pdfOfSize, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const FAST = {
  OUTBOUND_ALLOW: '127.0.0.1',
  CALLBACK_RETRY_SCHEDULE: '50ms,100ms',
  CALLBACK_TIMEOUT_MS: '300',
};

async function enableCallback(t: TestApp, owner: Session, body: Record<string, unknown>): Promise<string> {
  const res = await request(t.url).put('/v1/settings/callback').set(owner.auth).send(body).expect(200);
  return res.body.secret as string;
}

async function deliveriesOf(
  t: TestApp,
  owner: Session,
  query: Record<string, string>,
): Promise<DeliveryDto[]> {
  return (await request(t.url).get('/v1/deliveries').query(query).set(owner.auth).expect(200)).body.items;
}

function settled(
  t: TestApp,
  owner: Session,
  attachmentId: string,
  status: DeliveryDto['status'],
  timeoutMs = 15000,
) {
  return eventually(
    async () => {
      const [d] = await deliveriesOf(t, owner, { attachmentId, kind: 'callback' });
      return d?.status === status && d;
    },
    timeoutMs,
    `delivery ${status}`,
  );
}

describe('deliveries: refusals, events and nothing lost', () => {
  let receiver: CallbackReceiver;
  beforeEach(async () => (receiver = await startCallbackReceiver()));
  afterEach(() => receiver.close());

  it('with CALLBACK_RETRY_ON_REFUSAL=false a status 1 reply is final: refused, with the message', async () => {
    const t = await startTestApp({ ...FAST, CALLBACK_RETRY_ON_REFUSAL: 'false' });
    try {
      const owner = await loginOwner(t);
      await enableCallback(t, owner, { enabled: true, url: receiver.url });
      const chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
      receiver.reply({ body: { status: 1, message: 'file type not wanted' } });
      const a = await uploadFile(t, chat.chatId, chat.auth, 'refused.pdf', pdfOfSize());
      const d = await settled(t, owner, a.id, 'refused');
      expect(d).toMatchObject({ attempts: 1, lastError: 'Refused: file type not wanted' });
      const shown = await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth).expect(200);
      expect(shown.body.callback).toMatchObject({
        status: 'refused',
        message: 'Refused: file type not wanted',
      });
      await request(t.url).post(`/v1/deliveries/${d.id}/retry`).set(owner.auth).expect(202);
      await settled(t, owner, a.id, 'delivered');
    } finally {
      await t.close();
    }
  });

  it('posts signed JSON events (attachment.created, message.created, attachment.deleted) to the event URL', async () => {
    const t = await startTestApp(FAST);
    try {
      const owner = await loginOwner(t);
      const secret = await enableCallback(t, owner, {
        eventsEnabled: true,
        eventsUrl: receiver.url,
        eventTypes: ['attachment.created', 'attachment.deleted', 'message.created'],
      });
      const chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
      const a = await uploadFile(t, chat.chatId, chat.auth, 'evented.pdf', pdfOfSize());
      await request(t.url)
        .post(`/v1/chats/${chat.chatId}/messages`)
        .set(chat.auth)
        .send({ text: 'hello there' })
        .expect(201);
      await request(t.url)
        .delete(`/v1/attachments/${a.id}`)
        .set(owner.auth)
        .expect((r) => expect([200, 204]).toContain(r.status));
      const got = await receiver.waitFor(3);
      const byType = Object.fromEntries(got.map((r) => [(r.json as { type: string }).type, r]));
      expect(Object.keys(byType).sort()).toEqual([
        'attachment.created',
        'attachment.deleted',
        'message.created',
      ]);
      for (const r of got) {
        expect(r.headers['content-type']).toBe('application/json');
        expect(verifyWebhook(secret, r.headers as never, r.raw)).toBe(true);
      }
      expect(byType['attachment.created'].json).toMatchObject({
        data: { chatId: chat.chatId, attachment: { id: a.id, name: 'evented.pdf' } },
      });
      expect(byType['message.created'].json).toMatchObject({
        data: { chat: { id: chat.chatId }, message: { text: 'hello there' } },
      });
      expect(byType['attachment.deleted'].json).toMatchObject({
        data: { chatId: chat.chatId, attachmentId: a.id },
      });
      await eventually(
        async () => (await deliveriesOf(t, owner, { kind: 'event', status: 'delivered' })).length === 3,
        5000,
        'event log',
      );
      // Callbacks are off: no file callback was made.
      expect(await deliveriesOf(t, owner, { kind: 'callback' })).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('a worker killed mid-delivery: another worker redelivers the job with the same webhook-id', async () => {
    const shared = {
      ...FAST,
      CALLBACK_TIMEOUT_MS: '4000',
      JOB_LOCK_DURATION_MS: '1000',
      JOB_STALLED_INTERVAL_MS: '500',
      SECRETS_KEY: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    };
    const a = await startTestApp(shared);
    let b: TestApp | undefined;
    try {
      const owner = await loginOwner(a);
      const secret = await enableCallback(a, owner, { enabled: true, url: receiver.url });
      const chat = await startVisitorChat(a, await widgetKeyOf(a, owner));
      receiver.reply({ hang: true });
      const file = await uploadFile(a, chat.chatId, chat.auth, 'interrupted.pdf', pdfOfSize());
      await receiver.waitFor(1);
      await a.app.get(DeliveryWorkers).kill();
      b = await startTestApp(
        { ...shared, RUN_MODE: 'worker', STORAGE_PATH: a.config.storage.path },
        { db: a.db },
      );
      const [first, second] = await receiver.waitFor(2, 10000);
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(verifyWebhook(secret, second.headers as never, second.raw)).toBe(true);
      const d = await settled(a, owner, file.id, 'delivered');
      expect(d.webhookId).toBe(first.headers['webhook-id']);
      expect(d.attemptsLog.at(-1)).toMatchObject({ outcome: 'delivered' });
      expect(d.attemptsLog[0].outcome).toBe('error');
    } finally {
      await b?.close();
      await a.close();
    }
  });

  it('reconciliation delivers stored attachments that never got a delivery record, not those from before enabling', async () => {
    const t = await startTestApp({ ...FAST, RECONCILE_INTERVAL_MS: '1000', RECONCILE_GRACE_MS: '0' });
    try {
      const owner = await loginOwner(t);
      const chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
      await uploadFile(t, chat.chatId, chat.auth, 'before-enabling.pdf', pdfOfSize());
      await enableCallback(t, owner, { enabled: true, url: receiver.url });
      // The process "dies" between storing the file and recording its delivery: no listener runs.
      t.app.get(EventEmitter2).removeAllListeners(EVENTS.attachmentCreated);
      const lost = await uploadFile(t, chat.chatId, chat.auth, 'lost-event.pdf', pdfOfSize());
      await settled(t, owner, lost.id, 'delivered');
      // Reconciliation runs on a 1 s timer: let a later run pass to show it skips the older file.
      await new Promise((ok) => setTimeout(ok, 1500));
      expect(receiver.received.map((r) => r.files.file?.filename)).toEqual(['lost-event.pdf']);
    } finally {
      await t.close();
    }
  });

  it('uploads made while Redis is down succeed at once and are delivered once it is back', async () => {
    const redis = await startPrivateRedis();
    const t = await startTestApp({
      ...FAST,
      REDIS_URL: redis.url,
      RECONCILE_INTERVAL_MS: '1000',
      RECONCILE_GRACE_MS: '0',
    });
    try {
      const owner = await loginOwner(t);
      await enableCallback(t, owner, { enabled: true, url: receiver.url });
      const chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
      await redis.stop();
      const started = Date.now();
      const a = await uploadFile(t, chat.chatId, chat.auth, 'while-redis-down.pdf', pdfOfSize());
      expect(Date.now() - started).toBeLessThan(5000);
      // Redis is down, so no queue can say "idle": time passing is the point here.
      await new Promise((ok) => setTimeout(ok, 500));
      expect(receiver.received).toHaveLength(0);
      await redis.start();
      await settled(t, owner, a.id, 'delivered', 20000);
      expect(receiver.received.map((r) => r.files.file?.filename)).toEqual(['while-redis-down.pdf']);
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});

/** A Redis of our own (the shared one must stay up for everyone else), without persistence. */
async function startPrivateRedis() {
  const port = await new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await eventually(
      () =>
        new Promise<boolean>((ok) => {
          const s = connect(port, '127.0.0.1');
          s.once('connect', () => {
            s.destroy();
            ok(true);
          });
          s.once('error', () => ok(false));
        }),
      5000,
      'private redis',
    );
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return;
      await new Promise((ok) => {
        c.once('exit', ok);
        c.kill('SIGTERM');
      });
    },
  };
}
