import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** Status of the first response, or null when the server closed without answering. */
  status: number | null;
  headers: string;
  body: string;
  /** Milliseconds from the first byte sent until the server closed the connection. */
  closedAfterMs: number;
}

/** A raw TCP connection to the test app (127.0.0.1), to send exactly the bytes a test wants. */
export function openRaw(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection (or `timeoutMs`, then it is closed here). */
export function replyOf(socket: Socket, timeoutMs = 15_000): Promise<RawReply> {
  const started = Date.now();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [headers = '', body = ''] = splitOnce(text, '\r\n\r\n');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(headers);
      resolve({ status: m ? Number(m[1]) : null, headers, body, closedAfterMs: Date.now() - started });
    });
  });
}

/** Sends `bytes` in slices of `sliceBytes` every `everyMs` until done or the socket closes. */
export async function trickle(
  socket: Socket,
  bytes: Buffer,
  sliceBytes: number,
  everyMs: number,
): Promise<void> {
  for (let i = 0; i < bytes.length && !socket.destroyed; i += sliceBytes) {
    socket.write(bytes.subarray(i, i + sliceBytes));
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Sends a whole request and returns the reply once the server closes (requests carry `Connection: close`). */
export async function rawExchange(
  baseUrl: string,
  bytes: Buffer | string,
  timeoutMs?: number,
): Promise<RawReply> {
  const socket = await openRaw(baseUrl);
  const reply = replyOf(socket, timeoutMs);
  socket.write(bytes);
  return reply;
}

/** The JSON body of a reply, or undefined. Handles a chunked body with one chunk. */
export function jsonOf(reply: RawReply): Record<string, unknown> | undefined {
  const text = /transfer-encoding: chunked/i.test(reply.headers)
    ? reply.body
        .split('\r\n')
        .filter((_, i) => i % 2 === 1)
        .join('')
    : reply.body;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}
