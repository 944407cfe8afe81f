import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { attachmentRows, HTML, pdfOfSize, storedFiles } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const FAILURE = 'An error occurred while uploading file.';

/** A loopback file server: /files/<name> serves bodies, /to?url= redirects. */
async function fileServer(files: Record<string, Buffer>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/to') {
      res.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end();
      return;
    }
    const body = files[decodeURIComponent(url.pathname.replace('/files/', ''))];
    if (!body) return void res.writeHead(404).end('nope');
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('seed 003: upload from a URL', () => {
  const pdf = pdfOfSize(40_000);
  let files: { server: Server; base: string };

  beforeAll(async () => {
    files = await fileServer({ 'report.pdf': pdf, 'fake.pdf': HTML, 'big.pdf': pdfOfSize(6 * 1024 * 1024) });
  });
  afterAll(() => new Promise((r) => files.server.close(r)));

  describe('with the test server allowed (OUTBOUND_ALLOW=127.0.0.1)', () => {
    let t: TestApp;
    let owner: Session;
    let chat: { chatId: string; auth: { Authorization: string } };

    beforeAll(async () => {
      t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' });
      owner = await loginOwner(t);
      chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
    });
    afterAll(() => t.close());

    const fromUrl = (body: object) =>
      request(t.url).post(`/v1/chats/${chat.chatId}/attachments/from-url`).set(owner.auth).send(body);

    it('fetches the file and answers as seed 003, name prefixed with the chat id', async () => {
      const res = await fromUrl({ sourceUrl: `${files.base}/files/report.pdf` }).expect(200);
      expect(res.body).toEqual({
        message: 'File uploaded successfully.',
        etag: expect.stringMatching(/^"[0-9a-f]{64}"$/),
        name: `${chat.chatId}_report.pdf`,
        type: 'application/pdf',
        size: pdf.length,
        id: expect.any(String),
      });
      const dl = await request(t.url)
        .get(`/v1/chats/${chat.chatId}/files/${chat.chatId}_report.pdf`)
        .set(chat.auth)
        .expect(200);
      expect(dl.headers.etag).toBe(res.body.etag);
    });

    it('uses fileName, and the MIME hint when the name has no extension', async () => {
      const named = await fromUrl({
        sourceUrl: `${files.base}/files/report.pdf`,
        fileName: 'Q3 numbers.pdf',
      }).expect(200);
      expect(named.body.name).toBe(`${chat.chatId}_Q3 numbers.pdf`);
      const hinted = await fromUrl({
        sourceUrl: `${files.base}/files/report.pdf`,
        fileName: 'download',
        mime_type: 'application/pdf',
        channel: 'web',
      }).expect(200);
      expect(hinted.body.name).toBe(`${chat.chatId}_download.pdf`);
    });

    it('applies the same content and size checks as any upload, leaving nothing behind', async () => {
      const before = storedFiles(t);
      const rows = await attachmentRows(t);
      const fake = await fromUrl({ sourceUrl: `${files.base}/files/fake.pdf` }).expect(415);
      expect(fake.body).toMatchObject({
        error: `${chat.chatId}_fake.pdf: the content is text/html, not a .pdf file`,
        message: FAILURE,
      });
      const big = await fromUrl({ sourceUrl: `${files.base}/files/big.pdf` }).expect(413);
      expect(big.body).toMatchObject({
        error: `${chat.chatId}_big.pdf: file is larger than the limit of 5120 KB`,
        message: FAILURE,
      });
      const missing = await fromUrl({ sourceUrl: `${files.base}/files/none.pdf` }).expect(422);
      expect(missing.body).toEqual({
        error: 'the source answered HTTP 404',
        message: FAILURE,
        code: 'SOURCE_UNAVAILABLE',
      });
      expect(storedFiles(t)).toEqual(before);
      expect(await attachmentRows(t)).toBe(rows);
    });

    it('re-checks every redirect hop: a redirect to a loopback address outside OUTBOUND_ALLOW is refused', async () => {
      for (const target of [
        'http://127.0.0.2/latest/meta-data/',
        'http://0177.0.0.3/x.pdf',
        'http://[::1]/x.pdf',
      ]) {
        const res = await fromUrl({ sourceUrl: `${files.base}/to?url=${encodeURIComponent(target)}` }).expect(
          400,
        );
        expect(res.body).toEqual({
          error: expect.stringMatching(/^sourceUrl is not allowed: /),
          message: FAILURE,
          code: 'OUTBOUND_URL_BLOCKED',
        });
      }
    });
  });

  describe('with the default configuration', () => {
    let t: TestApp;
    let owner: Session;

    beforeAll(async () => {
      t = await startTestApp();
      owner = await loginOwner(t);
    });
    afterAll(() => t.close());

    it.each([
      ['loopback', (base: string) => `${base}/files/report.pdf`],
      [
        'IPv4-mapped IPv6 loopback',
        (base: string) => `http://[::ffff:127.0.0.1]:${new URL(base).port}/files/report.pdf`,
      ],
      ['hex-encoded loopback', (base: string) => `http://0x7f000001:${new URL(base).port}/files/report.pdf`],
      ['another loopback address', () => 'http://127.0.0.9/latest/meta-data/'],
      ['file:// scheme', () => 'file:///etc/passwd'],
      ['ftp:// scheme', () => 'ftp://example.com/x.pdf'],
    ])('refuses %s', async (_label, url) => {
      const chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
      const before = storedFiles(t);
      const res = await request(t.url)
        .post(`/v1/chats/${chat.chatId}/attachments/from-url`)
        .set(owner.auth)
        .send({ sourceUrl: url(files.base) })
        .expect(400);
      expect(res.body).toEqual({
        error: expect.stringMatching(/^sourceUrl is not allowed: /),
        message: FAILURE,
        code: 'OUTBOUND_URL_BLOCKED',
      });
      expect(storedFiles(t)).toEqual(before);
    });
  });
});
