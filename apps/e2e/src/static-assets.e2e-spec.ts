import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from './support/api-server';
import { screenshot, watchProblems } from './support/browser';
import { signIn } from './support/console-ui';
import { startE2eEnv, type E2eEnv } from './support/e2e-env';
import { WORKSPACE_ROOT } from './support/paths';
import { rawGet } from './support/raw-http';

const DIST = join(WORKSPACE_ROOT, 'dist/apps');
const BROWSER = 'gzip, deflate, br, zstd';

/** Directives of a Content-Security-Policy header: `{'script-src': "'self'", …}`. */
function directives(csp: unknown): Record<string, string> {
  return Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

function expectStrictScripts(csp: unknown): void {
  const d = directives(csp);
  expect(d['script-src']).toBe("'self'");
  expect(d['object-src']).toBe("'none'");
  expect(d['frame-ancestors']).toBe("'none'");
  expect(String(csp)).not.toMatch(/unsafe-eval/);
}

describe('static assets as `npm start` serves them: compression, caching, security headers', () => {
  let env: E2eEnv;
  let url: string;
  const consoleAsset = (re: RegExp): string => {
    const html = readFileSync(join(DIST, 'console/browser/index.html'), 'utf8');
    const m = re.exec(html);
    if (!m) throw new Error(`no ${String(re)} in the console's index.html`);
    return m[1] ?? '';
  };

  beforeAll(async () => {
    env = await startE2eEnv('static-assets');
    url = env.server.url;
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('sends widget.js compressed under 30 KB on the wire as browsers ask (brotli), gzip to others, the same bytes once decoded', async () => {
    const original = readFileSync(join(DIST, 'widget/widget.js'));
    const br = await rawGet(`${url}/widget/widget.js`, { 'Accept-Encoding': BROWSER });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.wire.length).toBeLessThan(30 * 1024);
    expect(br.body().equals(original)).toBe(true);

    // Clients without brotli get gzip, within the build's budget for the compressed entry (80 KB).
    const gz = await rawGet(`${url}/widget/widget.js`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.wire.length).toBeLessThan(80 * 1024);
    expect(gz.wire.length).toBeLessThan(original.length / 3);
    expect(gz.body().equals(original)).toBe(true);

    const plain = await rawGet(`${url}/widget/widget.js`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.wire.equals(original)).toBe(true);
    console.log(
      `widget.js on the wire: ${br.wire.length} B brotli, ${gz.wire.length} B gzip, ${plain.wire.length} B plain`,
    );
  });

  it('has widget.js revalidated with its ETag: 304 when unchanged', async () => {
    const first = await rawGet(`${url}/widget/widget.js`, { 'Accept-Encoding': BROWSER });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/\S/);
    const again = await rawGet(`${url}/widget/widget.js`, {
      'Accept-Encoding': BROWSER,
      'If-None-Match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.wire.length).toBe(0);
  });

  it('caches hashed console files for a year as immutable, compressed', async () => {
    for (const file of [
      consoleAsset(/src="(main-[A-Z0-9]+\.js)"/),
      consoleAsset(/href="(styles-[A-Z0-9]+\.css)"/),
    ]) {
      const res = await rawGet(`${url}/console/${file}`, { 'Accept-Encoding': BROWSER });
      expect({ file, status: res.status }).toEqual({ file, status: 200 });
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.body().equals(readFileSync(join(DIST, 'console/browser', file)))).toBe(true);
    }
  });

  it('revalidates the console page and its SPA fallback, under a strict CSP that forbids framing', async () => {
    for (const path of ['/console/', '/console/inbox/some-chat']) {
      const res = await rawGet(`${url}${path}`, { 'Accept-Encoding': BROWSER });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body().toString()).toContain('<sc-root');
      expectStrictScripts(res.headers['content-security-policy']);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // The built page carries no inline script or event handler for the CSP to block.
      const html = res.body().toString();
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('serves the demo page under a strict CSP and API answers keep their safe headers, without HSTS on http', async () => {
    const demo = await rawGet(`${url}/demo`);
    expectStrictScripts(demo.headers['content-security-policy']);
    expect(demo.headers['referrer-policy']).toBe('no-referrer');
    const health = await rawGet(`${url}/health`);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['referrer-policy']).toBe('no-referrer');
    for (const res of [demo, health]) expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    let https: ApiServer | undefined;
    try {
      https = await startApiServer('static-assets-https', { PUBLIC_URL: 'https://localhost' });
      for (const path of ['/health', '/console/', '/demo']) {
        const res = await rawGet(`${https.url}${path}`);
        expect({ path, hsts: res.headers['strict-transport-security'] }).toEqual({
          path,
          hsts: 'max-age=31536000; includeSubDomains',
        });
      }
    } finally {
      await https?.stop();
    }
  });

  it('loads the console and the demo page in Chromium with no CSP violation', async () => {
    const page = await env.page();
    const problems = await watchProblems(page);
    await signIn(page);
    await page.goto('/console/files');
    await page.getByRole('navigation', { name: 'Sections', exact: true }).waitFor();
    await screenshot(page, 'console-under-csp');
    await page.goto('/demo');
    await page.locator('satchel-widget').locator('header .status', { hasText: 'Online' }).waitFor();
    await screenshot(page, 'demo-under-csp');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
