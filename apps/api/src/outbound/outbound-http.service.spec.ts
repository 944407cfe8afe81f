import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { loadConfig } from '../config/app-config';
import { guardedAgents } from './guarded-agent';
import { OutboundHttpService } from './outbound-http.service';
import { OutboundBlockedError, OutboundBodyTooLargeError, OutboundTimeoutError } from './outbound.types';
import { readBodyCapped } from './read-body-capped';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  port: number;
  connections: number;
  close(): Promise<void>;
}

async function startServer(handler: Handler): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    void text(req).then((body) => handler(req, res, body));
  });
  const state = { connections: 0 };
  server.on('connection', () => state.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const serviceWith = (env: Record<string, string> = {}) =>
  new OutboundHttpService(loadConfig({ OUTBOUND_TIMEOUT_MS: '2000', FROM_URL_MAX_REDIRECTS: '3', ...env }));

async function blockedReason(promise: Promise<unknown>): Promise<string> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutboundBlockedError);
  return (err as OutboundBlockedError).reason;
}

describe('OutboundHttpService', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const hops = Number(url.searchParams.get('hops') ?? 0);
      if (url.pathname === '/chain' && hops > 0) {
        res.writeHead(302, { location: `/chain?hops=${hops - 1}` }).end();
      } else if (url.pathname === '/redirect') {
        res
          .writeHead(Number(url.searchParams.get('status') ?? 302), {
            location: url.searchParams.get('to') ?? '/',
          })
          .end();
      } else if (url.pathname === '/hang') {
        return; // never answers
      } else if (url.pathname === '/stall-body') {
        res.writeHead(200, { 'content-length': '100' }).write('partial');
      } else {
        res.writeHead(200, { 'content-type': 'text/plain', 'x-method': req.method ?? '' });
        res.end(`${req.method} ${req.url} auth=${req.headers.authorization ?? '-'} body=${body}`);
      }
    });
  });
  afterAll(() => server.close());

  describe('by default', () => {
    const outbound = serviceWith();

    it.each([
      ['http://127.0.0.1:PORT/', 'destination address 127.0.0.1 is not allowed (loopback)'],
      ['http://0x7f000001:PORT/', 'destination address 127.0.0.1 is not allowed (loopback)'],
      ['http://2130706433:PORT/', 'destination address 127.0.0.1 is not allowed (loopback)'],
      ['http://127.1:PORT/', 'destination address 127.0.0.1 is not allowed (loopback)'],
      [
        'http://[::ffff:127.0.0.1]:PORT/',
        'destination address ::ffff:7f00:1 is not allowed (IPv4-mapped 127.0.0.1: loopback)',
      ],
      ['http://localhost:PORT/', 'is not allowed (loopback)'],
      ['http://127.0.0.3/latest/meta-data/', 'destination address 127.0.0.3 is not allowed (loopback)'],
      ['http://0177.0.0.1/', 'destination address 127.0.0.1 is not allowed (loopback)'],
      ['file:///etc/passwd', 'URL scheme file: is not allowed (only http: and https:)'],
      ['ftp://example.com/x', 'URL scheme ftp: is not allowed (only http: and https:)'],
      ['data:text/plain,hi', 'URL scheme data: is not allowed (only http: and https:)'],
      ['gopher://127.0.0.1:70/', 'URL scheme gopher: is not allowed (only http: and https:)'],
      ['not a url', 'invalid URL "not a url"'],
    ])('refuses %s without connecting', async (raw, reason) => {
      const before = server.connections;
      const url = raw.replace('PORT', String(server.port));
      expect(await blockedReason(outbound.request({ method: 'GET', url }))).toContain(reason);
      expect(server.connections).toBe(before);
    });

    it('refuses https to a private address before any TLS handshake', async () => {
      const before = server.connections;
      const reason = await blockedReason(
        outbound.request({ method: 'GET', url: `https://127.0.0.1:${server.port}/` }),
      );
      expect(reason).toBe('destination address 127.0.0.1 is not allowed (loopback)');
      expect(server.connections).toBe(before);
    });
  });

  describe('with OUTBOUND_ALLOW=127.0.0.1', () => {
    const outbound = serviceWith({ OUTBOUND_ALLOW: '127.0.0.1' });

    it('fetches, reporting status, headers, final URL and the connected address', async () => {
      const res = await outbound.request({ method: 'POST', url: `${server.url}/echo`, body: 'hello' });
      expect(res.status).toBe(200);
      expect(res.headers['x-method']).toBe('POST');
      expect(res.remoteAddress).toBe('127.0.0.1');
      expect(await text(res.body)).toBe('POST /echo auth=- body=hello');
    });

    it('streams a request body', async () => {
      const res = await outbound.request({
        method: 'PUT',
        url: `${server.url}/s`,
        body: Readable.from(['a', 'b', 'c']),
      });
      expect(await text(res.body)).toBe('PUT /s auth=- body=abc');
    });

    it('follows redirects up to the cap and reports the final URL', async () => {
      const res = await outbound.request({ method: 'GET', url: `${server.url}/chain?hops=3` });
      expect(res.status).toBe(200);
      expect(res.url).toBe(`${server.url}/chain?hops=0`);
      res.body.resume();
      const reason = await blockedReason(
        outbound.request({ method: 'GET', url: `${server.url}/chain?hops=4` }),
      );
      expect(reason).toBe('too many redirects (more than 3)');
      const capped = await blockedReason(
        outbound.request({ method: 'GET', url: `${server.url}/chain?hops=2`, maxRedirects: 1 }),
      );
      expect(capped).toBe('too many redirects (more than 1)');
    });

    it('returns the redirect itself when maxRedirects is 0', async () => {
      const res = await outbound.request({
        method: 'GET',
        url: `${server.url}/chain?hops=1`,
        maxRedirects: 0,
      });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/chain?hops=0');
      res.body.resume();
    });

    it.each([
      [`http://127.0.0.2:PORT/`, 'destination address 127.0.0.2 is not allowed (loopback)'],
      [`http://[::1]:PORT/`, 'destination address ::1 is not allowed (loopback)'],
      [`http://0x7f000003/`, 'destination address 127.0.0.3 is not allowed (loopback)'],
      ['file:///etc/passwd', 'URL scheme file: is not allowed (only http: and https:)'],
    ])('re-checks a redirect hop to %s', async (to, reason) => {
      const target = encodeURIComponent(to.replace('PORT', String(server.port)));
      const url = `${server.url}/redirect?to=${target}`;
      expect(await blockedReason(outbound.request({ method: 'GET', url }))).toContain(reason);
    });

    it('turns POST into GET on 303 and drops credentials when the origin changes', async () => {
      const to = encodeURIComponent(`http://127.0.0.1:${server.port}/after`);
      const res = await outbound.request({
        method: 'POST',
        url: `${server.url}/redirect?status=303&to=${to}`,
        headers: { authorization: 'Bearer secret' },
        body: 'payload',
      });
      expect(await text(res.body)).toBe('GET /after auth=Bearer secret body=');
      const other = encodeURIComponent(`http://localhost:${server.port}/after`);
      const allowLocalhost = serviceWith({ OUTBOUND_ALLOW: '127.0.0.1,localhost' });
      const moved = await allowLocalhost.request({
        method: 'GET',
        url: `${server.url}/redirect?to=${other}`,
        headers: { authorization: 'Bearer secret' },
      });
      expect(await text(moved.body)).toBe('GET /after auth=- body=');
    });

    it('aborts when the total time cap passes before the response', async () => {
      const started = Date.now();
      await expect(
        outbound.request({ method: 'GET', url: `${server.url}/hang`, timeoutMs: 300 }),
      ).rejects.toBeInstanceOf(OutboundTimeoutError);
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('aborts the body stream when the time cap passes while reading it', async () => {
      const res = await outbound.request({ method: 'GET', url: `${server.url}/stall-body`, timeoutMs: 300 });
      await expect(text(res.body)).rejects.toBeInstanceOf(OutboundTimeoutError);
    });

    it('reads a small body and refuses one over the cap', async () => {
      const ok = await outbound.request({ method: 'GET', url: `${server.url}/x` });
      expect((await readBodyCapped(ok.body, 1000)).toString()).toBe('GET /x auth=- body=');
      const big = await outbound.request({ method: 'GET', url: `${server.url}/x` });
      await expect(readBodyCapped(big.body, 5)).rejects.toBeInstanceOf(OutboundBodyTooLargeError);
      expect(big.body.destroyed).toBe(true);
    });
  });

  describe('guardedAgents', () => {
    const get = (agent: http.Agent, url: string) =>
      new Promise<number>((resolve, reject) => {
        http.get(url, { agent }, (res) => resolve(res.resume().statusCode ?? 0)).once('error', reject);
      });

    it('refuses loopback through the agents, by address and by name, unless allowed', async () => {
      const { httpAgent } = guardedAgents([]);
      await expect(get(httpAgent, `${server.url}/`)).rejects.toBeInstanceOf(OutboundBlockedError);
      await expect(get(httpAgent, `http://localhost:${server.port}/`)).rejects.toBeInstanceOf(
        OutboundBlockedError,
      );
      const allowed = guardedAgents(['127.0.0.1']);
      expect(await get(allowed.httpAgent, `${server.url}/`)).toBe(200);
    });
  });
});
