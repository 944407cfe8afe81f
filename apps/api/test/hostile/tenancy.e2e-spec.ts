import request from 'supertest';
import { attachmentRows, PNG, uploadFile, type UploadedAttachment } from '../support/files';
import {
  accountWithOperator,
  createApiToken,
  createOperator,
  createTenant,
  startVisitorChat,
  type Session,
} from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';

type Auth = { Authorization: string };
type Visitor = { chatId: string; auth: Auth };

describe('hostile: tenancy and roles', () => {
  let t: TestApp;
  let owner: Session;
  let operatorA: Session;
  let visitorA: Visitor;
  let visitorA2: Visitor;
  let visitorB: Visitor;
  let adminB: Session;
  let operatorB: Session;
  let fileA2: UploadedAttachment;
  let fileB: UploadedAttachment;

  beforeAll(async () => {
    t = await startTestApp();
    let widgetKey: string;
    ({ owner, operator: operatorA, widgetKey } = await accountWithOperator(t));
    visitorA = await startVisitorChat(t, widgetKey);
    visitorA2 = await startVisitorChat(t, widgetKey);
    const tenant = await createTenant(t, owner);
    adminB = tenant.admin;
    operatorB = await createOperator(t, adminB);
    visitorB = await startVisitorChat(t, tenant.account.widgetKey);
    fileA2 = await uploadFile(t, visitorA2.chatId, visitorA2.auth, 'a2.png', PNG);
    fileB = await uploadFile(t, visitorB.chatId, visitorB.auth, 'b.png', PNG);
  });
  afterAll(async () => {
    await expectHealthy(t, visitorA.chatId, visitorA.auth);
    await t.close();
  });

  /** The other chat's / tenant's file is still there, untouched. */
  const stillThere = async (f: UploadedAttachment, auth: Auth) =>
    request(t.url).get(`/v1/attachments/${f.id}`).set(auth).expect(200);

  type Attempt = [string, () => request.Test, number];
  const ATTEMPTS: () => Attempt[] = () => [
    ['a visitor uploads into another chat', () => up(visitorA.auth, visitorA2.chatId), 404],
    [
      'a visitor reads another chat',
      () => request(t.url).get(`/v1/chats/${visitorA2.chatId}/messages`).set(visitorA.auth),
      404,
    ],
    [
      'a visitor reads another chat’s file metadata',
      () => request(t.url).get(`/v1/attachments/${fileA2.id}`).set(visitorA.auth),
      404,
    ],
    [
      'a visitor downloads another chat’s file with a token',
      () => request(t.url).get(`/v1/attachments/${fileA2.id}/content`).set(visitorA.auth),
      404,
    ],
    [
      'a visitor downloads by name from another chat',
      () => request(t.url).get(`/v1/chats/${visitorA2.chatId}/files/a2.png`).set(visitorA.auth),
      404,
    ],
    [
      'a visitor deletes another chat’s file',
      () => request(t.url).delete(`/v1/attachments/${fileA2.id}`).set(visitorA.auth),
      404,
    ],
    [
      'a visitor lists every file (staff route)',
      () => request(t.url).get('/v1/attachments').set(visitorA.auth),
      404,
    ],
    ['a visitor lists chats (staff route)', () => request(t.url).get('/v1/chats').set(visitorA.auth), 404],
    ['a visitor of tenant B uploads into tenant A', () => up(visitorB.auth, visitorA.chatId), 404],
    ['operator A uploads into a tenant B chat', () => up(operatorA.auth, visitorB.chatId), 404],
    [
      'operator A reads a tenant B file',
      () => request(t.url).get(`/v1/attachments/${fileB.id}`).set(operatorA.auth),
      404,
    ],
    [
      'operator A downloads a tenant B file',
      () => request(t.url).get(`/v1/attachments/${fileB.id}/content`).set(operatorA.auth),
      404,
    ],
    [
      'operator A deletes a tenant B file',
      () => request(t.url).delete(`/v1/attachments/${fileB.id}`).set(operatorA.auth),
      404,
    ],
    [
      'operator A closes a tenant B chat',
      () => request(t.url).post(`/v1/chats/${visitorB.chatId}/close`).set(operatorA.auth),
      404,
    ],
    [
      'operator B posts into a tenant A chat',
      () =>
        request(t.url).post(`/v1/chats/${visitorA.chatId}/messages`).set(operatorB.auth).send({ text: 'hi' }),
      404,
    ],
    [
      'operator A changes the upload rules (admin only)',
      () =>
        request(t.url)
          .put('/v1/settings/uploads')
          .set(operatorA.auth)
          .send({ visitor: { enabled: false } }),
      403,
    ],
    [
      'operator A creates an API token (admin only)',
      () => request(t.url).post('/v1/api-tokens').set(operatorA.auth).send({ name: 'x' }),
      403,
    ],
    [
      'operator A creates a user (admin only)',
      () =>
        request(t.url)
          .post('/v1/users')
          .set(operatorA.auth)
          .send({ email: 'x@y.z', name: 'X', role: 'admin', password: 'password-123' }),
      403,
    ],
    [
      'operator A reads the audit log (admin only)',
      () => request(t.url).get('/v1/audit-events').set(operatorA.auth),
      403,
    ],
    [
      'operator A sets a callback URL (admin only)',
      () =>
        request(t.url)
          .put('/v1/settings/callback')
          .set(operatorA.auth)
          .send({ enabled: true, url: 'http://127.0.0.1:9/x' }),
      403,
    ],
    [
      'admin B creates a tenant (owner only)',
      () =>
        request(t.url)
          .post('/v1/accounts')
          .set(adminB.auth)
          .send({ name: 'X', adminEmail: 'x@x.x', adminPassword: 'password-123' }),
      403,
    ],
    [
      'admin B lists tenant A files through the listing',
      () => request(t.url).get(`/v1/attachments/${fileA2.id}`).set(adminB.auth),
      404,
    ],
  ];
  const up = (auth: Auth, chatId: string) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments`).set(auth).attach('files', PNG, 'x.png');

  it.each(ATTEMPTS().map(([name], i) => [name, i] as const))('refuses: %s', async (_, i) => {
    const [, send, status] = ATTEMPTS()[i];
    const res = await storesNothing(t, () => send());
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
    await stillThere(fileA2, owner.auth);
    await stillThere(fileB, adminB.auth);
  });

  it('an API token of tenant A sees none of tenant B in the file listing', async () => {
    const api = await createApiToken(t, owner);
    const res = await request(t.url).get('/v1/attachments').set(api).expect(200);
    const ids = (res.body.items as { id: string }[]).map((a) => a.id);
    expect(ids).toContain(fileA2.id);
    expect(ids).not.toContain(fileB.id);
    expect(await attachmentRows(t)).toBeGreaterThanOrEqual(2);
  });
});
