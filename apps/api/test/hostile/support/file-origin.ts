import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileOrigin {
  /** e.g. http://127.0.0.2:41234 */
  base: string;
  port: number;
  /** Paths requested so far: a refused fetch must never reach the origin. */
  hits: string[];
  close(): Promise<void>;
}

/** A loopback origin on `host`: `/file` serves `body`; `/to?url=…&code=…` redirects there. */
export async function startFileOrigin(host: string, body: Buffer): Promise<FileOrigin> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/to') {
      const code = Number(url.searchParams.get('code') ?? 302);
      return void res.writeHead(code, { location: url.searchParams.get('url') ?? '/' }).end();
    }
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${host}:${port}`,
    port,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
