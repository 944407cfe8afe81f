import { URI, type TOTP } from 'otpauth';
import request from 'supertest';
import { createOperator, login, loginOwner, type Session } from './support/fixtures';
import { startSmtpServer, tokenIn, type SmtpTestServer } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

describe('password reset by email and two-factor sign-in', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_TOTP_USER: '6/900' });
    owner = await loginOwner(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('answers the same for known and unknown addresses; the emailed link works once and ends old sessions', async () => {
    const op = await createOperator(t, owner);
    const other = await login(t, op.email, 'operator-pass-1');
    const known = await request(t.url).post('/v1/auth/password-reset').send({ email: op.email }).expect(202);
    const unknown = await request(t.url)
      .post('/v1/auth/password-reset')
      .send({ email: 'nobody@nowhere.test' })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    const token = tokenIn(await smtp.waitFor(op.email, /Reset/), 'reset-password');

    await request(t.url)
      .post('/v1/auth/password-reset/confirm')
      .send({ token, password: 'brand-new-pass-1' })
      .expect(204);
    await request(t.url).get('/v1/auth/me').set(op.auth).expect(401);
    await request(t.url).get('/v1/auth/me').set(other.auth).expect(401);
    await login(t, op.email, 'brand-new-pass-1');
    await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1' })
      .expect(401);

    const reused = await request(t.url)
      .post('/v1/auth/password-reset/confirm')
      .send({ token, password: 'another-pass-12' })
      .expect(410);
    expect(reused.body.code).toBe('RESET_LINK_INVALID');
    expect(smtp.mails.some((m) => m.to.includes('nobody@nowhere.test'))).toBe(false);
  });

  it('sends at most 3 reset emails per address in the window, still answering 202', async () => {
    const op = await createOperator(t, owner);
    for (let i = 0; i < 5; i++)
      await request(t.url).post('/v1/auth/password-reset').send({ email: op.email }).expect(202);
    // A later request's email arriving means the five before it were handled.
    const sentinel = await createOperator(t, owner);
    await request(t.url).post('/v1/auth/password-reset').send({ email: sentinel.email }).expect(202);
    await smtp.waitFor(sentinel.email);
    expect(smtp.mails.filter((m) => m.to.includes(op.email))).toHaveLength(3);
  });

  it('a TOTP-enrolled user cannot sign in without a valid code; recovery codes work once', async () => {
    const op = await createOperator(t, owner);
    const enrol = await request(t.url).post('/v1/auth/totp/enrol').set(op.auth).expect(201);
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\/Satchel:/);
    expect(enrol.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const app = URI.parse(enrol.body.uri as string) as TOTP;
    const confirmed = await request(t.url)
      .post('/v1/auth/totp/confirm')
      .set(op.auth)
      .send({ code: app.generate() })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);

    const noCode = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1' })
      .expect(401);
    expect(noCode.body.code).toBe('TOTP_REQUIRED');
    const wrong = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: '000000' })
      .expect(401);
    expect(wrong.body.code).toBe('TOTP_INVALID');
    // The confirmation used the current time step; the next step's code is still inside the window.
    const next = app.generate({ timestamp: Date.now() + 30_000 });
    await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: next })
      .expect(200);
    const replay = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: next })
      .expect(401);
    expect(replay.body.code).toBe('TOTP_INVALID');

    const recovery = confirmed.body.recoveryCodes[0] as string;
    await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: recovery })
      .expect(200);
    const status = await request(t.url).get('/v1/auth/totp').set(op.auth).expect(200);
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const spent = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: recovery })
      .expect(401);
    expect(spent.body.code).toBe('TOTP_INVALID');
    // The seventh try within the window (RATE_LIMIT_TOTP_USER=6/900) is refused before any check.
    const limited = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1', totpCode: app.generate() })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });

  it('tells a user of an account that requires two-factor sign-in to enrol', async () => {
    await request(t.url).put('/v1/settings/team').set(owner.auth).send({ requireTotp: true }).expect(200);
    const op = await createOperator(t, owner);
    const res = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1' })
      .expect(200);
    expect(res.body.totpEnrolmentRequired).toBe(true);
    await request(t.url).put('/v1/settings/team').set(owner.auth).send({ requireTotp: false }).expect(200);
  });
});
