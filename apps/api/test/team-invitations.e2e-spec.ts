import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOperator, login, loginOwner, type Session } from './support/fixtures';
import { startSmtpServer, tokenIn, waitUntil, type SmtpTestServer } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

describe('invitations, roles and removal (emails through a real SMTP server)', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  let owner: Session;
  let seq = 0;
  const address = () => `invitee${Date.now()}${++seq}@test.local`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Satchel <team@satchel.test>' });
    owner = await loginOwner(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function invite(email: string, role = 'operator', by = owner) {
    const res = await request(t.url).post('/v1/invitations').set(by.auth).send({ email, role }).expect(201);
    return res.body as { id: string; status: string };
  }

  it('emails an invitation whose link lets the invitee set a password and sign in with the invited role', async () => {
    const email = address();
    const created = await invite(email, 'admin');
    expect(created.status).toBe('pending');
    const mail = await smtp.waitFor(email, /invited/);
    expect(mail.from).toBe('team@satchel.test');
    expect(mail.body).toContain('as admin');
    const token = tokenIn(mail, 'invitation');

    const preview = await request(t.url).get(`/v1/invitations/by-token/${token}`).expect(200);
    expect(preview.body).toMatchObject({ email, role: 'admin' });
    await request(t.url)
      .post(`/v1/invitations/${token}/accept`)
      .send({ name: 'Ada Admin', password: 'chosen-pass-1' })
      .expect(201);
    const s = await login(t, email, 'chosen-pass-1');
    const me = await request(t.url).get('/v1/auth/me').set(s.auth).expect(200);
    expect(me.body).toMatchObject({ role: 'admin', user: { name: 'Ada Admin' } });

    const again = await request(t.url)
      .post(`/v1/invitations/${token}/accept`)
      .send({ name: 'Eve', password: 'chosen-pass-2' })
      .expect(410);
    expect(again.body.code).toBe('INVITATION_ACCEPTED');
    const list = await request(t.url).get('/v1/invitations').set(owner.auth).expect(200);
    expect(list.body.find((i: { id: string }) => i.id === created.id).status).toBe('accepted');
  });

  it('refuses an expired and a revoked invitation; a resent one replaces the old link', async () => {
    const expiredEmail = address();
    const expired = await invite(expiredEmail);
    const expiredToken = tokenIn(await smtp.waitFor(expiredEmail), 'invitation');
    await t.app
      .get(DataSource)
      .query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const res = await request(t.url)
      .post(`/v1/invitations/${expiredToken}/accept`)
      .send({ name: 'Late', password: 'late-pass-12' })
      .expect(410);
    expect(res.body).toMatchObject({ error: 'This invitation was expired', code: 'INVITATION_EXPIRED' });

    const revokedEmail = address();
    const revoked = await invite(revokedEmail);
    const firstToken = tokenIn(await smtp.waitFor(revokedEmail), 'invitation');
    await request(t.url).post(`/v1/invitations/${revoked.id}/resend`).set(owner.auth).expect(200);
    await waitUntil(
      'the resent invitation',
      () => smtp.mails.filter((m) => m.to.includes(revokedEmail)).length >= 2,
      15_000,
    );
    const resent = smtp.mails.filter((m) => m.to.includes(revokedEmail))[1];
    const secondToken = tokenIn(resent, 'invitation');
    expect(secondToken).not.toBe(firstToken);
    await request(t.url).get(`/v1/invitations/by-token/${firstToken}`).expect(404);
    await request(t.url).delete(`/v1/invitations/${revoked.id}`).set(owner.auth).expect(204);
    const gone = await request(t.url)
      .post(`/v1/invitations/${secondToken}/accept`)
      .send({ name: 'Nope', password: 'nope-pass-12' })
      .expect(410);
    expect(gone.body.code).toBe('INVITATION_REVOKED');
    await request(t.url)
      .post('/v1/auth/login')
      .send({ email: revokedEmail, password: 'nope-pass-12' })
      .expect(401);
  });

  it('lets admins invite only the roles they may grant, and never an existing address', async () => {
    const admin = await invitedAdmin();
    const res = await request(t.url)
      .post('/v1/invitations')
      .set(admin.auth)
      .send({ email: address(), role: 'owner' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    const op = await createOperator(t, owner);
    await request(t.url)
      .post('/v1/invitations')
      .set(op.auth)
      .send({ email: address(), role: 'operator' })
      .expect(403);
    await request(t.url)
      .post('/v1/invitations')
      .set(owner.auth)
      .send({ email: op.email, role: 'operator' })
      .expect(409);
  });

  it('an admin changes a role and removes a person: their tokens stop working at once, their messages keep their name', async () => {
    const admin = await invitedAdmin();
    const op = await createOperator(t, owner);
    const promoted = await request(t.url)
      .patch(`/v1/users/${op.userId}`)
      .set(admin.auth)
      .send({ role: 'admin' })
      .expect(200);
    expect(promoted.body.role).toBe('admin');
    expect((await request(t.url).get('/v1/auth/me').set(op.auth).expect(200)).body.role).toBe('admin');
    await request(t.url)
      .patch(`/v1/users/${op.userId}`)
      .set(admin.auth)
      .send({ role: 'operator' })
      .expect(200);

    const chat = await request(t.url).post('/v1/chats').set(op.auth).send({ visitorName: 'Val' }).expect(201);
    await request(t.url)
      .post(`/v1/chats/${chat.body.id}/messages`)
      .set(op.auth)
      .send({ text: 'hello' })
      .expect(201);
    await request(t.url).delete(`/v1/users/${op.userId}`).set(admin.auth).expect(204);
    await request(t.url).get('/v1/auth/me').set(op.auth).expect(401);
    await request(t.url)
      .post('/v1/auth/login')
      .send({ email: op.email, password: 'operator-pass-1' })
      .expect(401);
    const messages = await request(t.url)
      .get(`/v1/chats/${chat.body.id}/messages`)
      .set(admin.auth)
      .expect(200);
    expect(messages.body[0].author).toMatchObject({ name: 'Olga Operator', id: op.userId });
    const users = await request(t.url).get('/v1/users').set(admin.auth).expect(200);
    expect(users.body.map((u: { id: string }) => u.id)).not.toContain(op.userId);

    const audit = await request(t.url).get('/v1/audit-events?action=user.remove').set(owner.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({ details: { userId: op.userId, email: op.email } });
    const roles = await request(t.url)
      .get('/v1/audit-events?action=user.role.change')
      .set(owner.auth)
      .expect(200);
    expect(roles.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('follows the authorization rules: no self-removal, no removing the owner or the last owner', async () => {
    const admin = await invitedAdmin();
    const self = await request(t.url).delete(`/v1/users/${admin.userId}`).set(admin.auth).expect(403);
    expect(self.body.code).toBe('SELF_LOCKOUT');
    const upward = await request(t.url).delete(`/v1/users/${owner.userId}`).set(admin.auth).expect(403);
    expect(upward.body.code).toBe('FORBIDDEN_FIELD');
    const last = await request(t.url).delete(`/v1/users/${owner.userId}`).set(owner.auth).expect(403);
    expect(last.body.code).toBe('SELF_LOCKOUT');
    const op = await createOperator(t, owner);
    await request(t.url).delete(`/v1/users/${admin.userId}`).set(op.auth).expect(403);
  });

  async function invitedAdmin(): Promise<Session> {
    const email = address();
    await invite(email, 'admin');
    const token = tokenIn(await smtp.waitFor(email), 'invitation');
    await request(t.url)
      .post(`/v1/invitations/${token}/accept`)
      .send({ name: 'Adam Admin', password: 'admin-pass-12' })
      .expect(201);
    return login(t, email, 'admin-pass-12');
  }
});
