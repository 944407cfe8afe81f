import request from 'supertest';
import { verifyWebhook } from '../src/integrations/callbacks/webhook-signature';
import { startCallbackReceiver, type CallbackReceiver } from './support/callback-receiver';
import { createOperator, loginOwner, type Session } from './support/fixtures';
import { captureLogs } from './support/integrations';
import { startTestApp, type TestApp } from './support/test-app';

describe('callback settings (seed 002 External CallBack)', () => {
  let t: TestApp;
  let owner: Session;
  let receiver: CallbackReceiver;
  let logs: ReturnType<typeof captureLogs>;
  const secrets: string[] = [];

  beforeAll(async () => {
    logs = captureLogs();
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1', CALLBACK_TIMEOUT_MS: '500', LOG_LEVEL: 'debug' });
    owner = await loginOwner(t);
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    logs?.stop();
    await receiver?.close();
    await t?.close();
  });

  it('starts disabled, generates the signing secret on first save and shows it once', async () => {
    const initial = await request(t.url).get('/v1/settings/callback').set(owner.auth).expect(200);
    expect(initial.body).toMatchObject({ enabled: false, url: null, secretLast4: null });

    const saved = await request(t.url)
      .put('/v1/settings/callback')
      .set(owner.auth)
      .send({ enabled: true, url: receiver.url })
      .expect(200);
    expect(saved.body.secret).toMatch(/^whsec_/);
    secrets.push(saved.body.secret);
    expect(saved.body.secretLast4).toBe(saved.body.secret.slice(-4));

    const again = await request(t.url)
      .put('/v1/settings/callback')
      .set(owner.auth)
      .send({ enabled: true })
      .expect(200);
    expect(again.body.secret).toBeUndefined();
    const read = await request(t.url).get('/v1/settings/callback').set(owner.auth).expect(200);
    expect(JSON.stringify(read.body)).not.toContain(saved.body.secret.slice(6, 20));
    expect(read.body).toMatchObject({
      enabled: true,
      url: receiver.url,
      secretLast4: saved.body.secretLast4,
    });
  });

  it('test sends a signed file and reports the receiver reply; rotation changes the secret', async () => {
    const rotated = await request(t.url)
      .post('/v1/settings/callback/rotate-secret')
      .set(owner.auth)
      .expect(200);
    const secret = rotated.body.secret as string;
    secrets.push(secret);
    expect(secret).toMatch(/^whsec_/);

    receiver.reply({ body: { status: 0, uid: 'test-uid', url: 'https://cdn.example/test' } });
    const res = await request(t.url).post('/v1/settings/callback/test').set(owner.auth).send({}).expect(200);
    expect(res.body).toMatchObject({
      ok: true,
      httpStatus: 200,
      response: { status: 0, uid: 'test-uid', url: 'https://cdn.example/test' },
    });
    const got = receiver.received.at(-1)!;
    expect(got.fields.chatID).toBe('satchel-test');
    expect(got.files.file).toMatchObject({ filename: 'satchel-callback-test.txt', mimeType: 'text/plain' });
    expect(verifyWebhook(secret, got.headers as never, got.raw)).toBe(true);

    receiver.reply({ body: { status: 1, message: 'disk full' } });
    const refused = await request(t.url)
      .post('/v1/settings/callback/test')
      .set(owner.auth)
      .send({})
      .expect(200);
    expect(refused.body).toMatchObject({
      ok: false,
      reason: 'refused',
      response: { status: 1, message: 'disk full' },
    });
    expect(refused.body.message).toContain('disk full');

    receiver.reply({ status: 500, body: 'oops' });
    expect(
      (await request(t.url).post('/v1/settings/callback/test').set(owner.auth).send({}).expect(200)).body,
    ).toMatchObject({
      ok: false,
      reason: 'http_error',
      httpStatus: 500,
    });
    receiver.reply({ hang: true });
    expect(
      (await request(t.url).post('/v1/settings/callback/test').set(owner.auth).send({}).expect(200)).body,
    ).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
  });

  it('test refuses addresses outside OUTBOUND_ALLOW and unreachable ones, with a reason', async () => {
    const blocked = await request(t.url)
      .post('/v1/settings/callback/test')
      .set(owner.auth)
      .send({ url: 'http://127.0.0.2/cb' })
      .expect(200);
    expect(blocked.body).toMatchObject({ ok: false, reason: 'blocked' });
    const closed = await request(t.url)
      .post('/v1/settings/callback/test')
      .set(owner.auth)
      .send({ url: 'http://127.0.0.1:1/cb' })
      .expect(200);
    expect(closed.body).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('validates input and is for admins only', async () => {
    const bad = await request(t.url)
      .put('/v1/settings/callback')
      .set(owner.auth)
      .send({ url: 'ftp://x' })
      .expect(400);
    expect(bad.body).toMatchObject({ field: 'url' });
    await request(t.url)
      .put('/v1/settings/callback')
      .set(owner.auth)
      .send({ enabled: true, url: null })
      .expect(400);
    const op = await createOperator(t, owner);
    await request(t.url).get('/v1/settings/callback').set(op.auth).expect(403);
  });

  it('never logs the signing secret', () => {
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) expect(logs.text()).not.toContain(secret.slice(6));
  });
});
