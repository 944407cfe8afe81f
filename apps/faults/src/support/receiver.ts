import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface Receiver {
  url: string;
  /** Headers of every request received, in order. */
  received: IncomingHttpHeaders[];
  mode: ReceiverMode;
  close(): Promise<void>;
}

/** A customer's callback receiver on loopback: answers `{"status": 0, "uid"}`, 500, or never. */
export async function startReceiver(mode: ReceiverMode = 'ok'): Promise<Receiver> {
  const received: IncomingHttpHeaders[] = [];
  const r: Receiver = { url: '', received, mode, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.headers);
      if (r.mode === 'hang') return;
      if (r.mode === 'fail') return void res.writeHead(500).end('down');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 0, uid: `uid-${received.length}`, url: '' }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  r.close = () =>
    new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return r;
}
