import { waitUntil } from '@satchel/testing';
import { connect, type Socket } from 'node:net';

export const OWNER = { email: 'owner@faults.test', password: 'faults-password-1' };

export interface Answer<T = Record<string, unknown>> {
  status: number;
  retryAfter: string | null;
  body: T;
}

/** One JSON call; a refused connection is an answer too (status 0), never a thrown test. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; form?: FormData } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = opts.token ? { authorization: `Token ${opts.token}` } : {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (text ? JSON.parse(text) : {}) as T,
    };
  } catch {
    return { status: 0, retryAfter: null, body: {} as T };
  }
}

export async function login(base: string): Promise<string> {
  const res = await call<{ token: string }>(base, 'POST', '/v1/auth/login', { body: OWNER });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export async function newChat(base: string, token: string): Promise<string> {
  const res = await call<{ id: string }>(base, 'POST', '/v1/chats', { token, body: {} });
  if (res.status !== 201) throw new Error(`chat: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A PDF-looking file of `size` bytes. */
export function pdf(size: number): Blob {
  const bytes = Buffer.alloc(size, 7);
  bytes.write('%PDF-1.4\n');
  return new Blob([bytes]);
}

export function upload(base: string, token: string, chatId: string, size = 20_000): Promise<Answer> {
  const form = new FormData();
  form.append('files', pdf(size), 'report.pdf');
  return call(base, 'POST', `/v1/chats/${chatId}/attachments`, { token, form });
}

export async function attachmentCount(base: string, token: string): Promise<number> {
  const res = await call<{ items: unknown[] }>(base, 'GET', '/v1/attachments?pageSize=200', { token });
  if (res.status !== 200) throw new Error(`attachments: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.length;
}

export const BOUNDARY = 'satchel-faults-boundary';

/**
 * A raw multipart upload announcing `declaredLength` bytes of which only `sent` arrive: the client
 * then stalls (or the test drops it) mid-upload.
 */
export function stalledUpload(
  base: string,
  path: string,
  token: string,
  declaredLength: number,
  sent: Buffer,
): Promise<Socket> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Token ${token}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${declaredLength}\r\n\r\n` +
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n`,
      );
      socket.write(sent, () => ok(socket));
    });
    socket.on('error', () => undefined);
    socket.once('connect', () => socket.off('error', fail));
    socket.once('error', fail);
  });
}

/** The toolkit's `waitUntil`, with the arguments in the order faults specs use. */
export function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  return waitUntil(what, check, timeoutMs, 100);
}
