import { waitFor } from '@satchel/testing';
import busboy from 'busboy';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface ReceivedPart {
  filename: string;
  mimeType: string;
  data: Buffer;
}

/** One request as the customer's server saw it: raw bytes (for signature checks) and parsed form. */
export interface Received {
  n: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  fields: Record<string, string>;
  files: Record<string, ReceivedPart>;
  json?: unknown;
}

/** How to answer the next request: JSON body + status, a slow answer, no answer at all, or a reset. */
export type Reply =
  | { status?: number; body?: unknown; delayMs?: number }
  | { hang: true }
  | { reset: true }
  | ((r: Received) => { status?: number; body?: unknown });

export interface CallbackReceiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; afterwards every request succeeds with `uid-<n>`. */
  reply(...replies: Reply[]): void;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

function parseMultipart(
  headers: IncomingHttpHeaders,
  raw: Buffer,
): Promise<Pick<Received, 'fields' | 'files'>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, ReceivedPart> = {};
    const bb = busboy({ headers, defParamCharset: 'utf8' });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on(
        'end',
        () =>
          (files[name] = {
            filename: info.filename ?? '',
            mimeType: info.mimeType,
            data: Buffer.concat(chunks),
          }),
      );
    });
    bb.on('close', () => resolve({ fields, files }));
    bb.on('error', reject);
    Readable.from(raw, { objectMode: false }).pipe(bb);
  });
}

/** A real customer endpoint on loopback: node:http + busboy, like a receiver written from seed 002. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: Received[] = [];
  const queue: Reply[] = [];
  const waiters: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const isForm = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
        const parsed = isForm ? await parseMultipart(req.headers, raw) : { fields: {}, files: {} };
        const r: Received = { n: received.length + 1, headers: req.headers, raw, ...parsed };
        if (!isForm && raw.length) r.json = JSON.parse(raw.toString('utf8'));
        received.push(r);
        waiters.splice(0).forEach((w) => w());
        const reply = queue.shift() ?? {
          body: { status: 0, uid: `uid-${r.n}`, url: `https://files.example/${r.n}` },
        };
        if ('hang' in reply) return void hanging.add(res);
        if ('reset' in reply) return void req.socket.destroy();
        const answer = typeof reply === 'function' ? reply(r) : reply;
        const delayMs = 'delayMs' in answer ? Number(answer.delayMs ?? 0) : 0;
        if (delayMs) await new Promise((ok) => setTimeout(ok, delayMs));
        const body =
          typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body ?? { status: 0, uid: `uid-${r.n}`, url: '' });
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(body);
      })();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    reply: (...replies) => queue.push(...replies),
    waitFor: async (count, timeoutMs = 15000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${count} requests`);
        await new Promise<void>((ok) => {
          waiters.push(ok);
          setTimeout(ok, 100);
        });
      }
      return received.slice(0, count);
    },
    close: async () => {
      hanging.forEach((r) => r.destroy());
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Polls until `check` returns a value that is not undefined/false. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15000,
  what = 'condition',
): Promise<T> {
  return waitFor(
    what,
    async () => ((v) => (v === false ? undefined : v))(await check()),
    timeoutMs,
    100,
    false,
  );
}
