import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A callback endpoint that only counts what it receives (a 200 MB callback is not kept in memory). */
export async function countingReceiver(): Promise<{
  url: string;
  requests: { bytes: number }[];
  close(): Promise<void>;
}> {
  const requests: { bytes: number }[] = [];
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (d: Buffer) => (bytes += d.length));
    req.on('end', () => {
      requests.push({ bytes });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 0, uid: `uid-${requests.length}`, url: '' }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
