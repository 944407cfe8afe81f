import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { HTML, pdfOfSize, setUploadSettings } from '../support/files';
import { accountWithOperator, startVisitorChat, type Session } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { startHostileOrigin, type HostileOrigin } from './support/hostile-origin';
import { storesNothing } from './support/leftovers';

const FAILURE = 'An error occurred while uploading file.';
const LIMIT_KB = 64;

/** An allowed origin (127.0.0.2) that misbehaves: from-URL uploads refuse cleanly and store nothing. */
describe('hostile: from-URL origins that misbehave', () => {
  let t: TestApp;
  let owner: Session;
  let visitor: { chatId: string; auth: { Authorization: string } };
  let origin: HostileOrigin;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    origin = await startHostileOrigin('127.0.0.2', {
      '/endless.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.write(pdfOfSize(4096));
        const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024, 0x41)), 5);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
      },
      '/hang.pdf': () => undefined,
      '/drip.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 10_000 });
        res.write('%PDF-1.7\n');
        const timer = setInterval(() => res.write('x'), 200);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
      },
      '/declared-big.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 10 * 1024 * 1024 });
        res.write(pdfOfSize(4096));
      },
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/gzip-bomb.pdf': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/pdf', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(20 * 1024 * 1024))),
      '/short.pdf': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 50_000 });
        res.write(pdfOfSize(8000));
        setTimeout(() => req.socket.destroy(), 50);
      },
      '/html.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(HTML),
      '/error.pdf': (_req, res) => res.writeHead(500).end('boom'),
      '/garbage-status': (req) => req.socket.end('HTTP/1.1 999 What\r\nContent-Length: 2\r\n\r\nhi'),
      '/not-http': (req) => req.socket.end('SSH-2.0-OpenSSH_9.0\r\n'),
    });
    t = await startTestApp({
      OUTBOUND_ALLOW: '127.0.0.2',
      OUTBOUND_TIMEOUT_MS: '1500',
      FROM_URL_MAX_REDIRECTS: '3',
    });
    let widgetKey: string;
    ({ owner, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { operator: { maxSizeKb: LIMIT_KB } });
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    timers.forEach((x) => clearInterval(x));
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
    await origin.close();
  });

  const fromUrl = (path: string) =>
    request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments/from-url`)
      .set(owner.auth)
      .send({ sourceUrl: `${origin.base}${path}` });

  it.each([
    ['an endless body, cut at the size limit', '/endless.pdf', 413, /larger than the limit/],
    ['an origin that never answers', '/hang.pdf', 422, /timed out/],
    ['a body dripped a byte at a time', '/drip.pdf', 422, /timed out/],
    [
      'a Content-Length over the limit, before reading the body',
      '/declared-big.pdf',
      413,
      /larger than the limit/,
    ],
    ['a redirect loop', '/loop', 400, /too many redirects/],
    ['a gzip bomb (bytes stored as sent, never inflated)', '/gzip-bomb.pdf', 415, /gzip|not a \.pdf/],
    ['a body shorter than its Content-Length', '/short.pdf', 422, /could not fetch|aborted|closed/i],
    ['HTML served as a PDF', '/html.pdf', 415, /text\/html/],
    ['an HTTP 500', '/error.pdf', 422, /HTTP 500/],
    ['a nonsense status code', '/garbage-status', 422, /HTTP 999|could not fetch/],
    ['an answer that is not HTTP', '/not-http', 422, /could not fetch/],
  ])('refuses %s', async (_, path, status, error) => {
    const res = await storesNothing(t, () => fromUrl(path));
    expect(res.status).toBe(status);
    expect(res.body.error).toMatch(error);
    expect(res.body.message).toBe(FAILURE);
  });
});
