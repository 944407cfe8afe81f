import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiToken, createOperator, login, loginOwner, type Session } from './support/fixtures';
import { OWNER, startTestApp, type TestApp } from './support/test-app';

describe('auth, users and API tokens', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
  });
  afterAll(() => t.close());

  it('logs in with the first-start credentials and accepts Token and Bearer headers', async () => {
    const me = await request(t.url)
      .get('/v1/auth/me')
      .set('Authorization', `Token ${owner.token}`)
      .expect(200);
    expect(me.body).toMatchObject({
      role: 'owner',
      user: { email: OWNER.email },
      account: { widgetKey: expect.stringMatching(/^wk_/) },
    });
    await request(t.url).get('/v1/auth/me').set('Authorization', `Bearer ${owner.token}`).expect(200);
  });

  it('refuses a wrong password, a missing token and a made-up token with 401 JSON', async () => {
    const bad = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: OWNER.email, password: 'nope' })
      .expect(401);
    expect(bad.body).toEqual({ error: 'Invalid email or password', code: 'UNAUTHORIZED' });
    expect((await request(t.url).get('/v1/chats').expect(401)).body).toEqual({
      error: 'Unauthorized',
      code: 'UNAUTHORIZED',
    });
    await request(t.url).get('/v1/chats').set('Authorization', 'Token sk_madeup').expect(401);
  });

  it('names the invalid field', async () => {
    const res = await request(t.url)
      .post('/v1/auth/login')
      .send({ email: 'not-an-email', password: 'x' })
      .expect(400);
    expect(res.body).toEqual({ error: 'email must be an email', field: 'email', code: 'VALIDATION_FAILED' });
  });

  it('stores passwords with argon2id, never in clear', async () => {
    const hash = await t.app
      .get(DataSource)
      .query('SELECT password_hash FROM users WHERE email = $1', [OWNER.email]);
    expect(hash[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('logout revokes the session token', async () => {
    const s = await login(t, OWNER.email, OWNER.password);
    await request(t.url).post('/v1/auth/logout').set(s.auth).expect(204);
    await request(t.url).get('/v1/auth/me').set(s.auth).expect(401);
  });

  it('lets admins create operators, who cannot manage users', async () => {
    const op = await createOperator(t, owner);
    const me = await request(t.url).get('/v1/auth/me').set(op.auth).expect(200);
    expect(me.body.role).toBe('operator');
    const res = await request(t.url).get('/v1/users').set(op.auth).expect(403);
    expect(res.body.error).toMatch(/roles/);
  });

  it('deactivating a user ends their sessions and blocks login', async () => {
    const op = await createOperator(t, owner);
    await request(t.url).patch(`/v1/users/${op.userId}`).set(owner.auth).send({ active: false }).expect(200);
    await request(t.url).get('/v1/auth/me').set(op.auth).expect(401);
  });

  it('shows an API token once, lists it by last 4 characters and revokes it', async () => {
    const created = await request(t.url)
      .post('/v1/api-tokens')
      .set(owner.auth)
      .send({ name: 'CRM' })
      .expect(201);
    expect(created.body.token).toMatch(/^sk_/);
    const auth = { Authorization: `Token ${created.body.token}` };
    await request(t.url).get('/v1/chats').set(auth).expect(200);
    const list = await request(t.url).get('/v1/api-tokens').set(owner.auth).expect(200);
    const listed = list.body.find((x: { id: string }) => x.id === created.body.id);
    expect(listed).toMatchObject({ name: 'CRM', last4: created.body.token.slice(-4) });
    expect(listed.token).toBeUndefined();
    await request(t.url).delete(`/v1/api-tokens/${created.body.id}`).set(owner.auth).expect(204);
    await request(t.url).get('/v1/chats').set(auth).expect(401);
  });

  it('API tokens cannot create accounts or tokens', async () => {
    const api = await createApiToken(t, owner);
    await request(t.url).post('/v1/api-tokens').set(api).send({ name: 'x' }).expect(403);
    await request(t.url)
      .post('/v1/accounts')
      .set(api)
      .send({ name: 'x', adminEmail: 'a@b.c', adminPassword: 'longenough' })
      .expect(403);
  });

  it('reports health of database and Redis', async () => {
    const res = await request(t.url).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { ok: true }, redis: { ok: true } });
  });

  it('serves OpenAPI docs generated from the code', async () => {
    const res = await request(t.url).get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/login', '/v1/chats/{id}/messages', '/v1/widget/chats']),
    );
    await request(t.url).get('/docs').expect(200);
  });

  it('answers an unknown error with a plain 500 and a request id', async () => {
    const ds = t.app.get(DataSource);
    const original = ds.query.bind(ds);
    jest.spyOn(ds, 'query').mockImplementationOnce(() => Promise.reject(new Error('boom: secret internals')));
    const res = await request(t.url).get('/v1/auth/me').set(owner.auth).expect(500);
    expect(res.body).toEqual({
      error: 'Internal server error',
      requestId: expect.any(String),
      code: 'INTERNAL_ERROR',
    });
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    ds.query = original;
  });
});
