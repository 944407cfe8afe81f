import request from 'supertest';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { HTML, pathOf, PNG, setUploadSettings, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('audit log (GET /v1/audit-events)', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
  });
  afterAll(() => t.close());

  const events = (query: Record<string, string> = {}) =>
    request(t.url).get('/v1/audit-events').query(query).set(owner.auth).expect(200);

  it('records uploads, refusals with their reason, downloads and deletes with who, role, chat, IP and outcome', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const up = await uploadFile(t, v.chatId, v.auth, 'a.png', PNG);
    const id = up.id;
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', HTML, 'b.pdf')
      .expect(415);
    await request(t.url).get(`/v1/attachments/${id}/content`).set(operator.auth).expect(200);
    await request(t.url).get(pathOf(up.url)).expect(200);
    await request(t.url).delete(`/v1/attachments/${id}`).set(owner.auth).expect(204);

    const res = await events({ chatId: v.chatId });
    const seen = res.body.items.map((e: { action: string; outcome: string; actor: { role: string } }) => [
      e.action,
      e.outcome,
      e.actor.role,
    ]);
    expect(seen).toEqual([
      ['attachment.delete', 'success', 'owner'],
      ['attachment.download', 'success', 'link'],
      ['attachment.download', 'success', 'operator'],
      ['attachment.upload', 'failure', 'visitor'],
      ['attachment.upload', 'success', 'visitor'],
    ]);
    const refused = res.body.items[3];
    expect(refused).toMatchObject({
      reason: 'b.pdf: the content is text/html, not a .pdf file',
      chatId: v.chatId,
      ip: '127.0.0.1',
      details: { file: 'b.pdf', detectedType: 'text/html' },
    });
    expect(res.body.items[4]).toMatchObject({
      attachmentId: id,
      accountId: owner.accountId,
      details: { name: 'a.png', size: PNG.length, contentType: 'image/png' },
    });
    expect(res.body.items[2].actor).toEqual({ role: 'operator', id: operator.userId, name: 'Olga Operator' });
  });

  it('does not audit previews of images and PDF; a real download still writes exactly one row', async () => {
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png|pdf|txt' } });
    const v = await startVisitorChat(t, widgetKey);
    const png = await uploadFile(t, v.chatId, v.auth, 'thumb.png', PNG);
    const txt = await uploadFile(t, v.chatId, v.auth, 'notes.txt', Buffer.from('plain notes\n'));
    const get = (id: string, query: Record<string, string>) =>
      request(t.url).get(`/v1/attachments/${id}/content`).query(query).set(operator.auth);
    for (let i = 0; i < 5; i++) {
      const res = await get(png.id, { purpose: 'preview' }).expect(200);
      expect(res.headers['content-disposition']).toBe('inline; filename=thumb.png');
    }
    await request(t.url)
      .get(`${pathOf(png.url)}&purpose=preview`)
      .expect(200);
    const downloads = (id: string) =>
      events({ attachmentId: id, action: 'attachment.download' }).then((r) => r.body.total as number);
    expect(await downloads(png.id)).toBe(0);

    await get(png.id, { purpose: 'download' }).expect(200);
    expect(await downloads(png.id)).toBe(1);
    // Not inline-safe: a "preview" of it is a download.
    await get(txt.id, { purpose: 'preview' }).expect(200);
    expect(await downloads(txt.id)).toBe(1);

    const bad = await get(png.id, { purpose: 'peek' }).expect(400);
    expect(bad.body).toEqual({
      error: 'purpose must be "preview" or "download"',
      field: 'purpose',
      code: 'invalid_download_purpose',
    });
    expect(await downloads(png.id)).toBe(1);
  });

  it('filters by action, outcome and attachment', async () => {
    expect(
      (await events({ action: 'attachment.upload', outcome: 'failure' })).body.items.every(
        (e: { action: string; outcome: string }) =>
          e.action === 'attachment.upload' && e.outcome === 'failure',
      ),
    ).toBe(true);
    const none = await events({ from: new Date(Date.now() + 60_000).toISOString() });
    expect(none.body.total).toBe(0);
    await request(t.url).get('/v1/audit-events').query({ outcome: 'maybe' }).set(owner.auth).expect(400);
  });

  it('records rule changes with before and after; operators cannot read the log', async () => {
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'pdf' } });
    const res = await events({ action: 'upload-settings.update' });
    expect(res.body.items[0]).toMatchObject({
      actor: { role: 'owner' },
      details: {
        before: { visitor: { allowedTypes: expect.stringContaining('png') } },
        after: { visitor: { allowedTypes: 'pdf' } },
      },
    });
    await request(t.url).get('/v1/audit-events').set(operator.auth).expect(403);
  });

  it('stops logging uploads and downloads when loggingEnabled is off, but still logs the switch', async () => {
    await setUploadSettings(t, owner.auth, { loggingEnabled: false, visitor: { allowedTypes: 'png' } });
    const v = await startVisitorChat(t, widgetKey);
    const up = await uploadFile(t, v.chatId, v.auth, 'a.png', PNG);
    await request(t.url).get(pathOf(up.url)).expect(200);
    expect((await events({ chatId: v.chatId })).body.total).toBe(0);
    const switches = await events({ action: 'upload-settings.update' });
    expect(switches.body.items[0].details.after.loggingEnabled).toBe(false);
    await setUploadSettings(t, owner.auth, { loggingEnabled: true });
  });
});
