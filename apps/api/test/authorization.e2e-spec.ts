import request from 'supertest';
import {
  createApiToken,
  createOperator,
  createTenant,
  login,
  loginOwner,
  type Session,
} from './support/fixtures';
import { OWNER, startTestApp, type TestApp } from './support/test-app';

/** Who may change whom (owner > admin > operator), per field, over HTTP: each rule both ways. */
describe('authorization of user, token and account changes', () => {
  let t: TestApp;
  let owner: Session;
  let admin: Session & { email: string };
  let operator: Session & { email: string };
  let seq = 0;

  const patchUser = (s: Session | { auth: { Authorization: string } }, id: string, body: object) =>
    request(t.url).patch(`/v1/users/${id}`).set(s.auth).send(body);

  async function createUser(by: Session, role: 'admin' | 'operator') {
    const email = `${role}${++seq}@authz.test`;
    const password = `${role}-password-${seq}`;
    await request(t.url)
      .post('/v1/users')
      .set(by.auth)
      .send({ email, name: `${role} ${seq}`, role, password })
      .expect(201);
    return { ...(await login(t, email, password)), email, password };
  }

  function expectRefusal(res: request.Response, code: string, field?: string) {
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code, error: expect.any(String) });
    if (field) expect(res.body.field).toBe(field);
  }

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
    admin = await createUser(owner, 'admin');
    operator = await createOperator(t, owner);
  });
  afterAll(() => t?.close());

  describe('the platform owner', () => {
    it('cannot be taken over by an account admin: password reset refused, owner login unchanged', async () => {
      const res = await patchUser(admin, owner.userId, { password: 'taken-over-1' });
      expectRefusal(res, 'FORBIDDEN_FIELD', 'password');
      await request(t.url)
        .post('/v1/auth/login')
        .send({ email: OWNER.email, password: 'taken-over-1' })
        .expect(401);
      await login(t, OWNER.email, OWNER.password);
      await request(t.url).get('/v1/accounts').set(owner.auth).expect(200);
    });

    it.each([
      ['name', { name: 'Not the owner' }],
      ['email', { email: 'attacker@authz.test' }],
      ['role', { role: 'operator' }],
      ['active', { active: false }],
    ])('cannot have its %s changed by an admin', async (field, body) => {
      expectRefusal(await patchUser(admin, owner.userId, body), 'FORBIDDEN_FIELD', field);
      const me = await request(t.url).get('/v1/auth/me').set(owner.auth).expect(200);
      expect(me.body.user).toMatchObject({ email: OWNER.email, role: 'owner', active: true });
    });

    it('changes its own name and email', async () => {
      const res = await patchUser(owner, owner.userId, { name: 'Platform Owner' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Platform Owner', role: 'owner' });
    });

    it('cannot deactivate or demote itself into lock-out', async () => {
      expectRefusal(await patchUser(owner, owner.userId, { active: false }), 'SELF_LOCKOUT', 'active');
      expectRefusal(await patchUser(owner, owner.userId, { role: 'admin' }), 'SELF_LOCKOUT', 'role');
      await request(t.url).get('/v1/accounts').set(owner.auth).expect(200);
    });
  });

  describe('admins', () => {
    it('change operators and other admins of their account', async () => {
      const other = await createUser(owner, 'admin');
      await patchUser(admin, other.userId, { name: 'Renamed admin' }).expect(200);
      const op = await createOperator(t, admin);
      const res = await patchUser(admin, op.userId, { role: 'admin' }).expect(200);
      expect(res.body.role).toBe('admin');
    });

    it('cannot promote anyone to owner, themselves included', async () => {
      const op = await createOperator(t, admin);
      expectRefusal(await patchUser(admin, op.userId, { role: 'owner' }), 'FORBIDDEN_ROLE', 'role');
      expectRefusal(await patchUser(admin, admin.userId, { role: 'owner' }), 'FORBIDDEN_ROLE', 'role');
      const me = await request(t.url).get('/v1/auth/me').set(admin.auth).expect(200);
      expect(me.body.role).toBe('admin');
      await request(t.url).get('/v1/accounts').set(admin.auth).expect(403);
    });

    it('cannot create an owner, but can create admins', async () => {
      const res = await request(t.url)
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: `x${++seq}@authz.test`, name: 'X', role: 'owner', password: 'owner-wannabe-1' });
      expectRefusal(res, 'FORBIDDEN_ROLE', 'role');
      await createUser(admin, 'admin');
    });

    it('cannot deactivate or demote themselves', async () => {
      expectRefusal(await patchUser(admin, admin.userId, { active: false }), 'SELF_LOCKOUT', 'active');
      expectRefusal(await patchUser(admin, admin.userId, { role: 'operator' }), 'SELF_LOCKOUT', 'role');
      await request(t.url).get('/v1/users').set(admin.auth).expect(200);
    });

    it("cannot see or change another account's users (404), which stay unchanged", async () => {
      const tenant = await createTenant(t, owner);
      await patchUser(tenant.admin, operator.userId, { password: 'cross-tenant-1' }).expect(404);
      await patchUser(tenant.admin, owner.userId, { role: 'operator' }).expect(404);
      await login(t, operator.email, 'operator-pass-1');
      await patchUser(admin, tenant.admin.userId, { active: false }).expect(404);
      await request(t.url).get('/v1/auth/me').set(tenant.admin.auth).expect(200);
    });

    it('cannot create accounts (owner only)', async () => {
      const body = { name: 'Nope', adminEmail: `n${++seq}@authz.test`, adminPassword: 'nope-password-1' };
      await request(t.url).post('/v1/accounts').set(admin.auth).send(body).expect(403);
      await request(t.url).post('/v1/accounts').set(owner.auth).send(body).expect(201);
    });
  });

  describe('operators', () => {
    it('change their own name and password', async () => {
      const op = await createOperator(t, owner);
      await patchUser(op, op.userId, { name: 'Olga Renamed' }).expect(200);
      await patchUser(op, op.userId, { password: 'operator-pass-2' }).expect(200);
      await login(t, op.email, 'operator-pass-2');
    });

    it('cannot change their own role or deactivate themselves', async () => {
      expectRefusal(await patchUser(operator, operator.userId, { role: 'admin' }), 'SELF_LOCKOUT', 'role');
      expectRefusal(await patchUser(operator, operator.userId, { role: 'owner' }), 'FORBIDDEN_ROLE', 'role');
      expectRefusal(await patchUser(operator, operator.userId, { active: false }), 'SELF_LOCKOUT', 'active');
      await request(t.url).get('/v1/users').set(operator.auth).expect(403);
    });

    it('cannot change other users, nor create them', async () => {
      const other = await createOperator(t, owner);
      expectRefusal(await patchUser(operator, other.userId, { name: 'x' }), 'FORBIDDEN_TARGET', 'name');
      expectRefusal(
        await patchUser(operator, admin.userId, { role: 'operator' }),
        'FORBIDDEN_TARGET',
        'role',
      );
      expectRefusal(
        await patchUser(operator, owner.userId, { password: 'operator-takeover-1' }),
        'FORBIDDEN_TARGET',
        'password',
      );
      await request(t.url)
        .post('/v1/users')
        .set(operator.auth)
        .send({ email: `y${++seq}@authz.test`, name: 'Y', role: 'admin', password: 'operator-made-1' })
        .expect(403);
      await login(t, other.email, 'operator-pass-1');
    });
  });

  describe('API tokens', () => {
    it('are created and revoked by admins and the owner, not by operators or other tokens', async () => {
      const created = await request(t.url)
        .post('/v1/api-tokens')
        .set(admin.auth)
        .send({ name: 'a' })
        .expect(201);
      await request(t.url).post('/v1/api-tokens').set(operator.auth).send({ name: 'o' }).expect(403);
      const api = await createApiToken(t, owner);
      await request(t.url).post('/v1/api-tokens').set(api).send({ name: 'x' }).expect(403);
      await request(t.url).delete(`/v1/api-tokens/${created.body.id}`).set(operator.auth).expect(403);
      await request(t.url).delete(`/v1/api-tokens/${created.body.id}`).set(api).expect(403);
      await request(t.url)
        .get('/v1/account')
        .set({ Authorization: `Bearer ${created.body.token}` })
        .expect(200);
      await request(t.url).delete(`/v1/api-tokens/${created.body.id}`).set(admin.auth).expect(204);
      await request(t.url)
        .get('/v1/account')
        .set({ Authorization: `Bearer ${created.body.token}` })
        .expect(401);
    });

    it('of another account cannot be revoked (404) and keep working', async () => {
      const tenant = await createTenant(t, owner);
      const theirs = await request(t.url)
        .post('/v1/api-tokens')
        .set(tenant.admin.auth)
        .send({ name: 'b' })
        .expect(201);
      await request(t.url).delete(`/v1/api-tokens/${theirs.body.id}`).set(admin.auth).expect(404);
      await request(t.url)
        .get('/v1/account')
        .set({ Authorization: `Bearer ${theirs.body.token}` })
        .expect(200);
    });

    it('cannot change users', async () => {
      const api = await createApiToken(t, owner);
      await patchUser({ auth: api }, operator.userId, { name: 'x' }).expect(403);
    });
  });

  describe('settings', () => {
    it.each([
      ['put', '/v1/settings/uploads', { visitor: { enabled: false } }],
      ['put', '/v1/settings/callback', { enabled: false }],
      ['put', '/v1/settings/s3-export', { disabled: true }],
      ['put', '/v1/settings/chatbot', { enabled: false, botName: 'Bot', steps: [] }],
      ['post', '/v1/settings/callback/rotate-secret', {}],
    ] as const)('%s %s is refused to operators', async (method, path, body) => {
      const res = await request(t.url)[method](path).set(operator.auth).send(body);
      expectRefusal(res, 'FORBIDDEN_ACTOR');
      await request(t.url)[method](path).set(admin.auth).send(body).expect(200);
    });
  });

  describe('a second owner', () => {
    it('is granted by the owner only, and the owner may then demote it', async () => {
      const promoted = await createUser(admin, 'admin');
      await patchUser(owner, promoted.userId, { role: 'owner' }).expect(200);
      const second = await login(t, promoted.email, promoted.password);
      await request(t.url).get('/v1/accounts').set(second.auth).expect(200);
      await patchUser(owner, promoted.userId, { role: 'admin' }).expect(200);
      await request(t.url).get('/v1/accounts').set(second.auth).expect(403);
    });
  });
});
