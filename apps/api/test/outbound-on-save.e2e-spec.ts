import request from 'supertest';
import { startCallbackReceiver, type CallbackReceiver } from './support/callback-receiver';
import { loginOwner, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** Every spelling of the loopback address, and names that resolve to it. */
const DISGUISES = [
  'http://127.0.0.1/hook',
  'http://127.1/hook',
  'http://2130706433/hook',
  'http://0x7f000001/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://localhost/hook',
  'http://localhost./hook',
  'http://example.com@127.0.0.1/hook',
  'https://user:pass@127.0.0.1:8443/hook',
];

/** Callback, event and S3 endpoint URLs are checked with the SSRF policy when saved, not only at connect time. */
describe('outbound URLs validated when saved', () => {
  describe('without OUTBOUND_ALLOW', () => {
    let t: TestApp;
    let owner: Session;

    beforeAll(async () => {
      t = await startTestApp();
      owner = await loginOwner(t);
    });
    afterAll(() => t?.close());

    const expectBlocked = (res: request.Response, field: string) => {
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 400,
        body: { code: 'OUTBOUND_URL_BLOCKED', field, error: expect.stringContaining('OUTBOUND_ALLOW') },
      });
      expect(res.body.error).toContain(`${field} is not allowed`);
    };

    it.each(DISGUISES)('refuses the callback url %s and keeps the saved settings', async (url) => {
      const res = await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ enabled: true, url });
      expectBlocked(res, 'url');
      const saved = await request(t.url).get('/v1/settings/callback').set(owner.auth).expect(200);
      expect(saved.body).toMatchObject({ enabled: false, url: null });
    });

    it.each(DISGUISES)('refuses the events url %s', async (eventsUrl) => {
      const res = await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ eventsEnabled: true, eventsUrl, eventTypes: ['attachment.created'] });
      expectBlocked(res, 'eventsUrl');
    });

    it.each(DISGUISES)('refuses the S3 endpoint %s', async (endpoint) => {
      const res = await request(t.url).put('/v1/settings/s3-export').set(owner.auth).send({ endpoint });
      expectBlocked(res, 'endpoint');
      const saved = await request(t.url).get('/v1/settings/s3-export').set(owner.auth).expect(200);
      expect(saved.body.endpoint ?? null).toBeNull();
    });

    it('explains the reason (the address that was refused)', async () => {
      const res = await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ url: 'http://2130706433:8080/cb' });
      expect(res.status).toBe(400);
      expect(res.body.reason).toContain('127.0.0.1');
    });

    it('refuses schemes Satchel never calls', async () => {
      const res = await request(t.url)
        .put('/v1/settings/s3-export')
        .set(owner.auth)
        .send({ endpoint: 'file:///etc/passwd' });
      expect(res.status).toBe(400);
    });

    it('still saves a name that does not resolve now (checked again on every connection) and clears with null', async () => {
      await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ url: 'https://hooks.invalid/satchel' })
        .expect(200);
      await request(t.url).put('/v1/settings/callback').set(owner.auth).send({ url: null }).expect(200);
      await request(t.url).put('/v1/settings/s3-export').set(owner.auth).send({ endpoint: null }).expect(200);
    });
  });

  describe('with OUTBOUND_ALLOW=127.0.0.1 (an internal deployment)', () => {
    let t: TestApp;
    let owner: Session;
    let receiver: CallbackReceiver;

    beforeAll(async () => {
      receiver = await startCallbackReceiver();
      t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' });
      owner = await loginOwner(t);
    });
    afterAll(async () => {
      await t?.close();
      await receiver?.close();
    });

    it('saves the allowed loopback receiver and delivers to it', async () => {
      await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ enabled: true, url: receiver.url, eventsUrl: `${receiver.url}/events` })
        .expect(200);
      const res = await request(t.url)
        .post('/v1/settings/callback/test')
        .set(owner.auth)
        .send({})
        .expect(200);
      expect(res.body.ok).toBe(true);
      await request(t.url)
        .put('/v1/settings/s3-export')
        .set(owner.auth)
        .send({ endpoint: 'http://127.1:9000' })
        .expect(200);
    });

    it('still refuses what the allow list does not cover', async () => {
      const res = await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ url: 'http://[::1]:9/x' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('OUTBOUND_URL_BLOCKED');
    });
  });
});
