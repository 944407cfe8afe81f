import request from 'supertest';
import { AttachmentLinks } from '../src/attachments/attachment-links';
import {
  accountWithOperator,
  createApiToken,
  createTenant,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { HTML, pathOf, pdfOfSize, PNG, setUploadSettings, storedFiles, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('downloads', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;
  const pdf = pdfOfSize(100_000);

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { operator: { allowedTypes: 'png|pdf|txt|html|svg' } });
  });
  afterAll(() => t.close());

  const content = (id: string) =>
    request(t.url).get(`/v1/attachments/${id}/content`).buffer(true).parse(binary);

  it('gives metadata and bytes to the chat visitor and the account staff', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'report.pdf', pdf);
    const meta = await request(t.url).get(`/v1/attachments/${a.id}`).set(operator.auth).expect(200);
    expect(meta.body).toMatchObject({
      id: a.id,
      name: 'report.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      chatId: v.chatId,
    });
    await request(t.url).get(`/v1/attachments/${a.id}`).set(v.auth).expect(200);
    for (const auth of [v.auth, operator.auth, await createApiToken(t, owner)]) {
      const res = await content(a.id).set(auth).expect(200);
      expect(Buffer.compare(res.body, pdf)).toBe(0);
    }
  });

  it('serves with the detected type, nosniff, CSP sandbox, and inline only for raster images and PDF', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const png = await uploadFile(t, v.chatId, v.auth, 'photo.png', PNG);
    const res = await content(png.id).set(v.auth).expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'content-disposition': 'inline; filename=photo.png',
      'accept-ranges': 'bytes',
      'content-length': String(PNG.length),
      etag: `"${png.sha256}"`,
    });
    const html = await uploadFile(t, v.chatId, operator.auth, 'page.html', HTML);
    const page = await content(html.id).set(v.auth).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-disposition']).toBe('attachment; filename=page.html');
    const svg = await uploadFile(
      t,
      v.chatId,
      operator.auth,
      'logo.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    expect((await content(svg.id).set(v.auth).expect(200)).headers['content-disposition']).toBe(
      'attachment; filename=logo.svg',
    );
    const named = await uploadFile(t, v.chatId, operator.auth, 'résumé "final".txt', Buffer.from('hi'));
    expect((await content(named.id).set(v.auth).expect(200)).headers['content-disposition']).toBe(
      `attachment; filename="r?sum? \\"final\\".txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.txt`,
    );
  });

  it('answers Range with 206, an unsatisfiable range with 416, and HEAD with headers only', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'r.pdf', pdf);
    const part = await content(a.id).set(v.auth).set('Range', 'bytes=10-19').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${pdf.length}`);
    expect(part.headers['content-length']).toBe('10');
    expect(Buffer.compare(part.body, pdf.subarray(10, 20))).toBe(0);
    const tail = await content(a.id).set(v.auth).set('Range', 'bytes=-5').expect(206);
    expect(Buffer.compare(tail.body, pdf.subarray(pdf.length - 5))).toBe(0);
    const bad = await request(t.url)
      .get(`/v1/attachments/${a.id}/content`)
      .set(v.auth)
      .set('Range', `bytes=${pdf.length}-`)
      .expect(416);
    expect(bad.headers['content-range']).toBe(`bytes */${pdf.length}`);
    expect(bad.body).toEqual({ error: 'Range not satisfiable', code: 'RANGE_NOT_SATISFIABLE' });
    const stale = await content(a.id)
      .set(v.auth)
      .set('Range', 'bytes=0-9')
      .set('If-Range', '"other"')
      .expect(200);
    expect(stale.body.length).toBe(pdf.length);
    const head = await request(t.url).head(`/v1/attachments/${a.id}/content`).set(v.auth).expect(200);
    expect(head.headers['content-length']).toBe(String(pdf.length));
    expect(head.headers['content-type']).toBe('application/pdf');
    expect(head.text).toBeUndefined();
    const headRange = await request(t.url)
      .head(`/v1/attachments/${a.id}/content`)
      .set(v.auth)
      .set('Range', 'bytes=0-0')
      .expect(206);
    expect(headRange.headers['content-length']).toBe('1');
  });

  it('answers If-None-Match with 304', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'p.png', PNG);
    const res = await content(a.id).set(v.auth).set('If-None-Match', `"${a.sha256}"`).expect(304);
    expect(res.headers.etag).toBe(`"${a.sha256}"`);
    await content(a.id).set(v.auth).set('If-None-Match', '"something-else"').expect(200);
  });

  it('gives another chat’s visitor and another account 404, and no token 401', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'p.png', PNG);
    const tenant = await createTenant(t, owner);
    for (const auth of [other.auth, tenant.admin.auth, await createApiToken(t, tenant.admin)]) {
      expect((await content(a.id).set(auth).expect(404)).body.toString()).toBe(
        '{"error":"Attachment not found","code":"NOT_FOUND"}',
      );
      await request(t.url).get(`/v1/attachments/${a.id}`).set(auth).expect(404);
      await request(t.url).head(`/v1/attachments/${a.id}/content`).set(auth).expect(404);
    }
    await content(a.id).expect(401);
  });

  describe('signed urls and accessTokenRequired', () => {
    afterEach(() => setUploadSettings(t, owner.auth, { accessTokenRequired: true }));

    it('the url works without a token until it expires; a tampered one is refused', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const a = await uploadFile(t, v.chatId, v.auth, 'p.png', PNG);
      const ok = await request(t.url).get(pathOf(a.url)).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(ok.body, PNG)).toBe(0);
      const other = await uploadFile(t, v.chatId, v.auth, 'q.pdf', pdf);
      const forged = `/v1/attachments/${other.id}/content?${new URL(a.url).search.slice(1)}`;
      expect((await request(t.url).get(forged).expect(403)).body).toEqual({
        error: 'Invalid download link',
        code: 'DOWNLOAD_LINK_INVALID',
      });
      const later = Date.now() + (t.config.uploads.downloadUrlTtlSeconds + 5) * 1000;
      const now = jest.spyOn(Date, 'now').mockReturnValue(later);
      try {
        expect((await request(t.url).get(pathOf(a.url)).expect(403)).body).toEqual({
          error: 'This download link has expired',
          code: 'DOWNLOAD_LINK_INVALID',
        });
      } finally {
        now.mockRestore();
      }
    });

    it('with accessTokenRequired off the url is permanent, and stops working when it is turned back on', async () => {
      await setUploadSettings(t, owner.auth, { accessTokenRequired: false });
      const v = await startVisitorChat(t, widgetKey);
      const a = await uploadFile(t, v.chatId, v.auth, 'p.png', PNG);
      const later = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 365 * 86400_000);
      try {
        await request(t.url).get(pathOf(a.url)).expect(200);
      } finally {
        later.mockRestore();
      }
      await setUploadSettings(t, owner.auth, { accessTokenRequired: true });
      const res = await request(t.url).get(pathOf(a.url)).expect(403);
      expect(res.body.error).toBe('This download link is no longer valid: the account requires a token');
      const signer = t.app.get(AttachmentLinks);
      await request(t.url)
        .get(pathOf(signer.url(a.id, true)))
        .expect(200);
    });
  });

  it('seed 003: downloads by file name within the chat', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await uploadFile(t, v.chatId, v.auth, 'same name.png', PNG);
    const newer = await uploadFile(t, v.chatId, v.auth, 'doc.pdf', pdfOfSize(2000));
    const res = await request(t.url)
      .get(`/v1/chats/${v.chatId}/files/doc.pdf`)
      .set(v.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers.etag).toBe(`"${newer.sha256}"`);
    await request(t.url)
      .get(`/v1/chats/${v.chatId}/files/${encodeURIComponent('same name.png')}`)
      .set(operator.auth)
      .expect(200);
    await request(t.url).get(`/v1/chats/${v.chatId}/files/missing.pdf`).set(v.auth).expect(404);
    const other = await startVisitorChat(t, widgetKey);
    await request(t.url).get(`/v1/chats/${v.chatId}/files/doc.pdf`).set(other.auth).expect(404);
  });

  describe('DELETE /v1/attachments/:id', () => {
    it('lets the uploader delete while the chat is open, and removes object and record', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const a = await uploadFile(t, v.chatId, v.auth, 'p.png', PNG);
      const before = storedFiles(t).length;
      await request(t.url).delete(`/v1/attachments/${a.id}`).set(v.auth).expect(204);
      expect(storedFiles(t).length).toBe(before - 1);
      await request(t.url).get(`/v1/attachments/${a.id}`).set(operator.auth).expect(404);
      await request(t.url).get(pathOf(a.url)).expect(404);
    });

    it('refuses others and a closed chat, except for admins', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const byVisitor = await uploadFile(t, v.chatId, v.auth, 'v.png', PNG);
      const byOperator = await uploadFile(t, v.chatId, operator.auth, 'o.png', PNG);
      const forbidden = await request(t.url)
        .delete(`/v1/attachments/${byOperator.id}`)
        .set(v.auth)
        .expect(403);
      expect(forbidden.body.error).toBe(
        'Only an admin, or the uploader while the chat is open, can delete this file',
      );
      await request(t.url).delete(`/v1/attachments/${byVisitor.id}`).set(operator.auth).expect(403);
      await request(t.url).post(`/v1/chats/${v.chatId}/close`).set(operator.auth).expect(200);
      await request(t.url).delete(`/v1/attachments/${byOperator.id}`).set(operator.auth).expect(403);
      const tenant = await createTenant(t, owner);
      await request(t.url).delete(`/v1/attachments/${byOperator.id}`).set(tenant.admin.auth).expect(404);
      await request(t.url).delete(`/v1/attachments/${byOperator.id}`).set(owner.auth).expect(204);
      await request(t.url).delete(`/v1/attachments/${byVisitor.id}`).set(owner.auth).expect(204);
    });

    it('deletes once when two deletes race: one 204, one 404, one success in the audit log', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const a = await uploadFile(t, v.chatId, v.auth, 'race.png', PNG);
      const statuses = await Promise.all(
        [1, 2].map(
          async () => (await request(t.url).delete(`/v1/attachments/${a.id}`).set(owner.auth)).status,
        ),
      );
      expect(statuses.sort()).toEqual([204, 404]);
      const audit = await request(t.url)
        .get(`/v1/audit-events?attachmentId=${a.id}&action=attachment.delete&outcome=success`)
        .set(owner.auth)
        .expect(200);
      expect(audit.body.total).toBe(1);
    });
  });
});
