import request from 'supertest';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { HTML, PNG, uploadFile } from './support/files';
import { connect, connectionString } from './support/socket';
import { startCallbackReceiver } from './support/callback-receiver';
import { waitFor } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const [series, value] = line.split(' ');
    if (!series || series.startsWith('#') || !(series === name || series.startsWith(`${name}{`))) continue;
    if (wanted.every((w) => series.includes(w))) return Number(value);
  }
  return undefined;
}

describe('GET /metrics', () => {
  describe('without METRICS_TOKEN', () => {
    let t: TestApp;
    let owner: Session;

    beforeAll(async () => {
      t = await startTestApp();
      owner = await loginOwner(t);
    });
    afterAll(() => t.close());

    const scrape = async () => (await request(t.url).get('/metrics').expect(200)).text;

    it('counts requests by route pattern, uploads by outcome, refusals by code, sockets and queues', async () => {
      const v = await startVisitorChat(t, await widgetKeyOf(t, owner));
      await uploadFile(t, v.chatId, v.auth, 'dot.png', PNG);
      await request(t.url)
        .post(`/v1/chats/${v.chatId}/attachments`)
        .set(v.auth)
        .attach('files', HTML, 'fake.pdf')
        .expect(415);
      const { socket } = await connect(t.url, {
        chatId: v.chatId,
        connectionString: await connectionString(t.url, v.chatId, v.auth),
      });
      try {
        const text = await scrape();
        expect(text).toContain('# TYPE satchel_http_request_duration_seconds histogram');
        expect(
          sample(text, 'satchel_http_request_duration_seconds_count', {
            method: 'POST',
            route: '/v1/chats/:chatId/attachments',
            status: '201',
          }),
        ).toBe(1);
        expect(sample(text, 'satchel_uploads_total', { outcome: 'stored' })).toBe(1);
        expect(sample(text, 'satchel_upload_bytes_total', { outcome: 'stored' })).toBe(PNG.length);
        expect(sample(text, 'satchel_uploads_total', { outcome: 'refused' })).toBe(1);
        expect(sample(text, 'satchel_refusals_total', { code: 'CONTENT_MISMATCH' })).toBe(1);
        expect(sample(text, 'satchel_socket_connections')).toBe(1);
        expect(sample(text, 'satchel_queue_jobs', { queue: 'callbacks', state: 'failed' })).toBe(0);
        expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      } finally {
        socket.close();
      }
      // Raw paths never become labels: one series per route, whatever the ids.
      expect(await scrape()).not.toContain(v.chatId);
    });

    it('answers only this machine: a proxied request is refused', async () => {
      const res = await request(t.url).get('/metrics').set('X-Forwarded-For', '127.0.0.2').expect(403);
      expect(res.body.code).toBe('METRICS_FORBIDDEN');
    });
  });

  describe('with METRICS_TOKEN', () => {
    const token = 'metrics-token-0123456789';
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ METRICS_TOKEN: token });
    });
    afterAll(() => t.close());

    it('needs the bearer token, even from this machine', async () => {
      expect((await request(t.url).get('/metrics').expect(403)).body.code).toBe('METRICS_FORBIDDEN');
      await request(t.url).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(403);
      const ok = await request(t.url).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    });
  });
  describe('delivery outcomes', () => {
    it('counts callback attempts by outcome', async () => {
      const t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1', CALLBACK_RETRY_SCHEDULE: '50ms,50ms' });
      const receiver = await startCallbackReceiver();
      try {
        const owner = await loginOwner(t);
        await request(t.url)
          .put('/v1/settings/callback')
          .set(owner.auth)
          .send({ enabled: true, url: receiver.url })
          .expect(200);
        receiver.reply({ status: 500 });
        const v = await startVisitorChat(t, await widgetKeyOf(t, owner));
        await uploadFile(t, v.chatId, v.auth, 'dot.png', PNG);
        await receiver.waitFor(2, 15_000);
        const count = async (outcome: string) =>
          sample((await request(t.url).get('/metrics').expect(200)).text, 'satchel_delivery_attempts_total', {
            kind: 'callback',
            outcome,
          });
        await waitFor(async () => (await count('delivered')) === 1, 15_000);
        expect(await count('error')).toBe(1);
      } finally {
        await receiver.close();
        await t.close();
      }
    });
  });
});
