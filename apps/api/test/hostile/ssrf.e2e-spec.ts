import request from 'supertest';
import { pdfOfSize } from '../support/files';
import { accountWithOperator, startVisitorChat, type Session } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { startFileOrigin, type FileOrigin } from './support/file-origin';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';

const FAILURE = 'An error occurred while uploading file.';

/**
 * From-URL uploads with OUTBOUND_ALLOW=127.0.0.2: that origin is allowed, every other spelling of a
 * loopback address (127.0.0.1 behind decimal, octal, hex, IPv6-mapped, short or dotted-name forms) is
 * not — directly or as a redirect target of the allowed origin. Everything stays on 127.0.0.0/8.
 */
describe('hostile: SSRF disguises for from-URL uploads', () => {
  const pdf = pdfOfSize(8000);
  let t: TestApp;
  let owner: Session;
  let visitor: { chatId: string; auth: { Authorization: string } };
  let allowed: FileOrigin;
  let blocked: FileOrigin;

  beforeAll(async () => {
    allowed = await startFileOrigin('127.0.0.2', pdf);
    blocked = await startFileOrigin('127.0.0.1', pdf);
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.2', OUTBOUND_TIMEOUT_MS: '3000' });
    let widgetKey: string;
    ({ owner, widgetKey } = await accountWithOperator(t));
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
    await allowed.close();
    await blocked.close();
  });

  const fromUrl = (sourceUrl: string) =>
    request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments/from-url`)
      .set(owner.auth)
      .send({ sourceUrl });
  const p = () => blocked.port;

  /** Other spellings of 127.0.0.1 (the blocked origin), or other local addresses. */
  const DISGUISES: [string, () => string][] = [
    ['plain 127.0.0.1', () => `http://127.0.0.1:${p()}/file`],
    ['decimal IPv4', () => `http://2130706433:${p()}/file`],
    ['octal IPv4', () => `http://0177.0.0.1:${p()}/file`],
    ['hex IPv4', () => `http://0x7f000001:${p()}/file`],
    ['dotted hex IPv4', () => `http://0x7f.0x0.0x0.0x1:${p()}/file`],
    ['short form 127.1', () => `http://127.1:${p()}/file`],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${p()}/file`],
    ['IPv4-mapped IPv6 in hex', () => `http://[::ffff:7f00:1]:${p()}/file`],
    ['IPv6 loopback', () => `http://[::1]:${p()}/file`],
    ['localhost with a trailing dot', () => `http://localhost.:${p()}/file`],
    ['LOCALHOST in capitals', () => `http://LOCALHOST:${p()}/file`],
    ['0.0.0.0', () => `http://0.0.0.0:${p()}/file`],
    ['another 127/8 address', () => `http://127.0.0.3:${p()}/file`],
    ['the allowed host as userinfo', () => `http://127.0.0.2@127.0.0.1:${p()}/file`],
    ['the allowed host after a fragment', () => `http://127.0.0.1:${p()}/file#@127.0.0.2/`],
  ];

  it('fetches from the allowed origin (control)', async () => {
    const res = await fromUrl(`${allowed.base}/file`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/pdf', size: pdf.length });
  });

  /** Refused by the address guard; `localhost.` does not resolve on every machine (then 422, still unfetched). */
  const expectRefused = (res: request.Response, label: string) => {
    if (label.includes('trailing dot') && res.status === 422) return expect(res.body.message).toBe(FAILURE);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: expect.stringMatching(/^sourceUrl is not allowed: /),
      message: FAILURE,
      code: 'OUTBOUND_URL_BLOCKED',
    });
  };

  it.each(DISGUISES)('refuses %s', async (label, url) => {
    expectRefused(await storesNothing(t, () => fromUrl(url())), label);
    expect(blocked.hits).toEqual([]);
  });

  it.each(DISGUISES.slice(0, 10))('refuses a redirect from the allowed origin to %s', async (label, url) => {
    expectRefused(
      await storesNothing(t, () => fromUrl(`${allowed.base}/to?url=${encodeURIComponent(url())}`)),
      label,
    );
    expect(blocked.hits).toEqual([]);
  });

  it.each([307, 308, 301, 303])('refuses a %i redirect to the blocked origin', async (code) => {
    const target = encodeURIComponent(`http://127.0.0.1:${p()}/file`);
    const res = await storesNothing(t, () => fromUrl(`${allowed.base}/to?code=${code}&url=${target}`));
    expect(res.status).toBe(400);
    expect(blocked.hits).toEqual([]);
  });

  it.each([
    'file:///etc/passwd',
    'gopher://127.0.0.2/_x',
    'data:application/pdf;base64,JVBERi0=',
    'javascript:alert(1)',
  ])('refuses the scheme of %s, also behind a redirect', async (url) => {
    for (const sourceUrl of [url, `${allowed.base}/to?url=${encodeURIComponent(url)}`]) {
      const res = await storesNothing(t, () => fromUrl(sourceUrl));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(FAILURE);
    }
  });
});
