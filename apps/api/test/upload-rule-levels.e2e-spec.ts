import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { accountWithOperator } from './support/fixtures';
import { xlsxOfSize } from '@satchel/testing';
import { attachmentRows, pdfOfSize, setUploadSettings, storedFiles } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const MB = 1024;

/** Rules at platform (owner), account, role and group levels, and "which level decided". */
describe('upload rules at platform, account, role and group levels', () => {
  let t: TestApp;
  let owner: Session;
  let billing: Session;
  let other: Session;
  let widgetKey: string;
  let chatId: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp({ MAX_FILE_SIZE: '5', ALLOWED_FILE_TYPES: '.pdf, .jpg, .xlsx' });
    ({ owner, operator: billing, widgetKey } = await accountWithOperator(t));
    other = await createOperator(t, owner);
    ({ chatId } = await startVisitorChat(t, widgetKey));
  });
  afterAll(() => t.close());

  const rules = (s: { Authorization: string }) => request(t.url).get('/v1/uploads/rules').set(s).expect(200);
  const platform = (body: object) =>
    request(t.url).put('/v1/platform/upload-settings').set(owner.auth).send(body);
  const send = (s: Session, name: string, body: Buffer) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments`).set(s.auth).attach('files', body, name);

  it("the environment's seed 000 settings are the platform default every account inherits", async () => {
    const res = await request(t.url).get('/v1/platform/upload-settings').set(owner.auth).expect(200);
    expect(res.body).toMatchObject({
      operator: { enabled: true, allowedTypes: 'pdf|jpg|xlsx', maxSizeKb: 5 * MB },
      accessTokenRequired: true,
      loggingEnabled: true,
      generateThumbnails: true,
    });
    expect((await rules(other.auth)).body).toMatchObject({
      allowedTypes: 'pdf|jpg|xlsx',
      maxSizeKb: 5 * MB,
      decidedBy: { enabled: { level: 'platform' }, maxSizeKb: { level: 'platform' } },
      groups: [],
    });
  });

  it('the owner changes the platform default; accounts without their own value follow it', async () => {
    await platform({ operator: { maxSizeKb: 8 * MB } }).expect(200);
    expect((await rules(other.auth)).body).toMatchObject({
      maxSizeKb: 8 * MB,
      decidedBy: { maxSizeKb: { level: 'platform' } },
    });
    const tenant = await createTenant(t, owner);
    const refused = await request(t.url)
      .put('/v1/platform/upload-settings')
      .set(tenant.admin.auth)
      .send({ operator: { maxSizeKb: 1 } })
      .expect(403);
    expect(refused.body.error).toBeDefined();
    expect((await rules(tenant.admin.auth)).body.maxSizeKb).toBe(8 * MB);
  });

  it("an account's own value for a role overrides the platform default, field by field", async () => {
    await setUploadSettings(t, owner.auth, { operator: { maxSizeKb: 6 * MB } });
    const body = (await rules(other.auth)).body;
    expect(body).toMatchObject({ maxSizeKb: 6 * MB, allowedTypes: 'pdf|jpg|xlsx' });
    expect(body.decidedBy).toEqual({
      enabled: { level: 'platform' },
      allowedTypes: { level: 'platform' },
      maxSizeKb: { level: 'account' },
    });
  });

  it('an admin creates the Billing group and assigns an operator; operators cannot manage groups', async () => {
    const created = await request(t.url)
      .post('/v1/upload-groups')
      .set(owner.auth)
      .send({ name: 'Billing', enabled: true, allowedTypes: 'xlsx|pdf', maxSizeKb: 25 * MB })
      .expect(201);
    groupId = created.body.id;
    const members = await request(t.url)
      .put(`/v1/upload-groups/${groupId}/members`)
      .set(owner.auth)
      .send({ userIds: [billing.userId] })
      .expect(200);
    expect(members.body).toMatchObject({ name: 'Billing', kind: 'operator', memberIds: [billing.userId] });
    const dup = await request(t.url)
      .post('/v1/upload-groups')
      .set(owner.auth)
      .send({ name: 'billing', enabled: true, allowedTypes: 'pdf', maxSizeKb: 1 })
      .expect(409);
    expect(dup.body.code).toBe('GROUP_EXISTS');
    await request(t.url).get('/v1/upload-groups').set(billing.auth).expect(403);
    const tenant = await createTenant(t, owner);
    const foreign = await request(t.url)
      .put(`/v1/upload-groups/${groupId}/members`)
      .set(owner.auth)
      .send({ userIds: [tenant.admin.userId] })
      .expect(400);
    expect(foreign.body).toMatchObject({ error: 'userIds must be people of this account', field: 'userIds' });
    await request(t.url).get(`/v1/upload-groups`).set(tenant.admin.auth).expect(200, []);
  });

  it("a group's rule replaces the account's: a Billing operator may send a 20 MB .xlsx, another may not", async () => {
    expect((await rules(billing.auth)).body).toMatchObject({
      allowedTypes: 'xlsx|pdf',
      maxSizeKb: 25 * MB,
      groups: ['Billing'],
      decidedBy: { maxSizeKb: { level: 'group', name: 'Billing' } },
    });
    const sheet = xlsxOfSize(20 * 1024 * 1024);
    const ok = await send(billing, 'q3.xlsx', sheet).expect(201);
    expect(ok.body[0]).toMatchObject({ name: 'q3.xlsx', size: sheet.length });
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    const refused = await send(other, 'q3.xlsx', sheet).expect(413);
    expect(refused.body).toEqual({
      error: 'q3.xlsx: file is larger than the limit of 6144 KB',
      file: 'q3.xlsx',
      limitKb: 6 * MB,
      decidedBy: { level: 'account' },
      explanation: "q3.xlsx: file is larger than the limit of 6144 KB (set by this account's operator rule)",
      code: 'FILE_TOO_LARGE',
    });
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
  });

  it('a disabled group refuses even what the account allows, naming the group', async () => {
    await request(t.url)
      .patch(`/v1/upload-groups/${groupId}`)
      .set(owner.auth)
      .send({ enabled: false })
      .expect(200);
    const res = await send(billing, 'a.pdf', pdfOfSize(1000)).expect(403);
    expect(res.body).toMatchObject({
      error: 'File uploads are disabled for operators',
      decidedBy: { level: 'group', name: 'Billing' },
      explanation: 'File uploads are disabled for operators (set by the group Billing)',
    });
    await request(t.url)
      .patch(`/v1/upload-groups/${groupId}`)
      .set(owner.auth)
      .send({ enabled: true })
      .expect(200);
  });

  it('the platform ceiling caps every level, groups included', async () => {
    await platform({ ceiling: { maxSizeKb: 10 * MB } }).expect(200);
    const body = (await rules(billing.auth)).body;
    expect(body).toMatchObject({ maxSizeKb: 10 * MB, decidedBy: { maxSizeKb: { level: 'ceiling' } } });
    const res = await send(billing, 'q3.xlsx', xlsxOfSize(20 * 1024 * 1024)).expect(413);
    expect(res.body.explanation).toBe(
      'q3.xlsx: file is larger than the limit of 10240 KB (set by the platform limit)',
    );
    const tooBig = await request(t.url)
      .patch(`/v1/upload-groups/${groupId}`)
      .set(owner.auth)
      .send({ maxSizeKb: 11 * MB })
      .expect(400);
    expect(tooBig.body).toEqual({
      error: 'maxSizeKb must be at most 10240 (the platform limit)',
      field: 'maxSizeKb',
      code: 'VALIDATION_FAILED',
    });
    const hard = await platform({ ceiling: { maxSizeKb: t.config.uploads.maxSizeKb + 1 } }).expect(400);
    expect(hard.body.field).toBe('ceiling.maxSizeKb');
    await platform({ ceiling: { maxSizeKb: t.config.uploads.maxSizeKb } }).expect(200);
  });

  it("the verified-visitor group applies only once the chat's visitor is verified", async () => {
    await request(t.url)
      .post('/v1/upload-groups')
      .set(owner.auth)
      .send({
        name: 'Verified customers',
        kind: 'verified_visitor',
        enabled: true,
        allowedTypes: 'xlsx',
        maxSizeKb: 30 * MB,
      })
      .expect(201);
    const v = await startVisitorChat(t, widgetKey);
    expect((await rules(v.auth)).body).toMatchObject({
      role: 'visitor',
      groups: [],
      decidedBy: { maxSizeKb: { level: 'platform' } },
    });
    await t.app.get(DataSource).query(`UPDATE chats SET visitor_verified = true WHERE id = $1`, [v.chatId]);
    // Rules are cached per process for a moment; the group is read on each request.
    expect((await rules(v.auth)).body).toMatchObject({
      role: 'visitor',
      allowedTypes: 'xlsx',
      maxSizeKb: 30 * MB,
      groups: ['Verified customers'],
      decidedBy: { maxSizeKb: { level: 'group', name: 'Verified customers' } },
    });
    const second = await request(t.url)
      .post('/v1/upload-groups')
      .set(owner.auth)
      .send({ name: 'Other', kind: 'verified_visitor', enabled: true, allowedTypes: 'pdf', maxSizeKb: 1 })
      .expect(409);
    expect(second.body.code).toBe('GROUP_EXISTS');
  });

  it('deleting a group returns its members to the account rule', async () => {
    await request(t.url).delete(`/v1/upload-groups/${groupId}`).set(owner.auth).expect(204);
    expect((await rules(billing.auth)).body).toMatchObject({ maxSizeKb: 6 * MB, groups: [] });
  });
});
