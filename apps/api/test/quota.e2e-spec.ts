import request from 'supertest';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { pdfOfSize, setUploadSettings, uploadFile } from './support/files';
import { startRawUpload, partHeader } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';
import { expectNothingStored, storedNow } from './hostile/support/leftovers';

describe('storage quotas', () => {
  let t: TestApp;
  let owner: Session;
  let visitor: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp();
    let widgetKey: string;
    ({ owner, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: 'pdf' },
      operator: { allowedTypes: 'pdf' },
    });
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(() => t.close());

  const setQuota = (body: Record<string, unknown>) =>
    request(t.url).put(`/v1/accounts/${owner.accountId}/quota`).set(owner.auth).send(body).expect(200);

  it('refuses an upload past the byte quota with 507 QUOTA_EXCEEDED, mid-stream, leaving nothing behind', async () => {
    await setQuota({ maxBytes: 20_000, maxFiles: null });
    await uploadFile(t, visitor.chatId, visitor.auth, 'first.pdf', pdfOfSize(12_000));
    const q = await request(t.url).get('/v1/settings/quota').set(owner.auth).expect(200);
    expect(q.body).toEqual({ maxBytes: 20_000, maxFiles: null, usedBytes: 12_000, usedFiles: 1 });

    const before = await storedNow(t);
    const res = await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments`)
      .set(visitor.auth)
      .attach('files', pdfOfSize(12_000), 'second.pdf');
    expect(res.status).toBe(507);
    expect(res.body).toMatchObject({ code: 'QUOTA_EXCEEDED', maxBytes: 20_000, usedBytes: 12_000 });
    await expectNothingStored(t, before);

    // Two files that fit one by one but not together: the second is cut, the first discarded too.
    const both = await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments`)
      .set(visitor.auth)
      .attach('files', pdfOfSize(5_000), 'a.pdf')
      .attach('files', pdfOfSize(5_000), 'b.pdf');
    expect(both.status).toBe(507);
    await expectNothingStored(t, before);

    // A body of unknown length (chunked): refused while it streams.
    // The declared length covers more than is sent: the server cannot know the file's size up front.
    const socket = await startRawUpload(
      t.url,
      `/v1/chats/${visitor.chatId}/attachments`,
      visitor.auth.Authorization,
      200_000,
    );
    const answer = new Promise<string>((ok) => socket.once('data', (c: Buffer) => ok(c.toString())));
    socket.write(partHeader('files', 'stream.pdf', 'application/pdf'));
    socket.write(pdfOfSize(30_000));
    expect(await answer).toMatch(/^HTTP\/1\.1 507/);
    socket.destroy();
    await expectNothingStored(t, before);

    // Within the quota it still works.
    await uploadFile(t, visitor.chatId, visitor.auth, 'small.pdf', pdfOfSize(4_000));
  });

  it('refuses past the file-count quota, and the seed 001 endpoint too', async () => {
    const used = (await request(t.url).get('/v1/settings/quota').set(owner.auth).expect(200)).body.usedFiles;
    await setQuota({ maxBytes: null, maxFiles: used });
    const before = await storedNow(t);
    const res = await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments`)
      .set(visitor.auth)
      .attach('files', pdfOfSize(1_000), 'one-too-many.pdf');
    expect(res.status).toBe(507);
    expect(res.body.code).toBe('QUOTA_EXCEEDED');
    const seed = await request(t.url)
      .post('/v1/chat/upload/')
      .set(owner.auth)
      .attach('file', pdfOfSize(1_000), 'seed.pdf');
    expect(seed.status).toBe(507);
    await expectNothingStored(t, before);
    await setQuota({ maxBytes: null, maxFiles: null });
    await uploadFile(t, visitor.chatId, visitor.auth, 'again.pdf', pdfOfSize(1_000));
  });

  it('is set by the platform owner only', async () => {
    const { account, admin } = await createTenant(t, owner);
    await request(t.url)
      .put(`/v1/accounts/${account.id}/quota`)
      .set(admin.auth)
      .send({ maxBytes: 1 })
      .expect(403);
    await request(t.url).get('/v1/settings/quota').set(admin.auth).expect(200);
  });
});
