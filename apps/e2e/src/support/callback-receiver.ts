import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Reply = (req: ReceivedRequest) => { status: number; body: unknown };

export interface CallbackReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Changes how the next requests are answered. */
  reply(fn: Reply): void;
  close(): Promise<void>;
}

/** A customer's callback endpoint on loopback: records every request and answers as told. */
export async function startCallbackReceiver(initial: Reply): Promise<CallbackReceiver> {
  let reply = initial;
  const received: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const got = { headers: req.headers, body: Buffer.concat(chunks) };
      received.push(got);
      const { status, body } = reply(got);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/satchel/files`,
    received,
    reply: (fn) => {
      reply = fn;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
