import request from 'supertest';
import type { TestApp } from './test-app';
import { OWNER } from './test-app';

export interface Session {
  token: string;
  auth: { Authorization: string };
  accountId: string;
  userId: string;
}

export async function login(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await request(t.url).post('/v1/auth/login').send({ email, password }).expect(200);
  return {
    token: res.body.token,
    auth: { Authorization: `Token ${res.body.token}` },
    accountId: res.body.user.accountId,
    userId: res.body.user.id,
  };
}

export function loginOwner(t: TestApp): Promise<Session> {
  return login(t, OWNER.email, OWNER.password);
}

let seq = 0;

/** A second tenant with its own admin (created by the owner through the API). */
export async function createTenant(t: TestApp, owner: Session, name = `Tenant ${++seq}`) {
  const email = `admin${Date.now()}${++seq}@tenant.test`;
  const res = await request(t.url)
    .post('/v1/accounts')
    .set(owner.auth)
    .send({ name, adminEmail: email, adminPassword: 'tenant-password-1' })
    .expect(201);
  const admin = await login(t, email, 'tenant-password-1');
  return { account: res.body as { id: string; widgetKey: string }, admin };
}

export async function createOperator(t: TestApp, admin: Session) {
  const email = `op${Date.now()}${++seq}@test.local`;
  await request(t.url)
    .post('/v1/users')
    .set(admin.auth)
    .send({ email, name: 'Olga Operator', role: 'operator', password: 'operator-pass-1' })
    .expect(201);
  return { ...(await login(t, email, 'operator-pass-1')), email };
}

export async function createApiToken(t: TestApp, admin: Session): Promise<{ Authorization: string }> {
  const res = await request(t.url).post('/v1/api-tokens').set(admin.auth).send({ name: 'test' }).expect(201);
  return { Authorization: `Bearer ${res.body.token}` };
}

/** A visitor chat started through the widget endpoint. */
export async function startVisitorChat(t: TestApp, widgetKey: string, name = 'Vera Visitor') {
  const res = await request(t.url).post('/v1/widget/chats').send({ widgetKey, name }).expect(201);
  return { chatId: res.body.chatId as string, auth: { Authorization: `Token ${res.body.visitorToken}` } };
}

export async function widgetKeyOf(t: TestApp, s: Session): Promise<string> {
  const res = await request(t.url).get('/v1/account').set(s.auth).expect(200);
  return res.body.widgetKey;
}

/** The first account's owner, a fresh operator and the widget key: the cast most tests start from. */
export async function accountWithOperator(t: TestApp) {
  const owner = await loginOwner(t);
  const operator = await createOperator(t, owner);
  return { owner, operator, widgetKey: await widgetKeyOf(t, owner) };
}
