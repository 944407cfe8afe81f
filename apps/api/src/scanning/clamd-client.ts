import { connect, type Socket } from 'node:net';

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** clamd could not be reached, timed out or answered with an error: the account's fail mode decides. */
export class ScannerUnavailableError extends Error {
  constructor(reason: string) {
    super(`the malware scanner is unavailable: ${reason}`);
    this.name = 'ScannerUnavailableError';
  }
}

export interface ClamdAddress {
  host: string;
  port: number;
}

const INSTREAM = Buffer.from('zINSTREAM\0');
const END = Buffer.alloc(4);

/**
 * One `INSTREAM` scan over TCP: the body is sent in chunks, each framed by its length as a 4-byte
 * big-endian integer, and ended by a zero-length chunk; clamd answers `stream: OK` or
 * `stream: <signature> FOUND` (NUL-terminated with the `z` prefix).
 */
export class ClamdSession {
  private reply = '';
  private failure: Error | undefined;
  private readonly answered: Promise<string>;

  private constructor(
    private readonly socket: Socket,
    timeoutMs: number,
  ) {
    socket.setTimeout(timeoutMs, () =>
      this.fail(new ScannerUnavailableError(`no answer within ${timeoutMs} ms`)),
    );
    this.answered = new Promise((resolve, reject) => {
      socket.on('data', (d: Buffer) => {
        this.reply += d.toString('utf8');
        if (this.reply.includes('\0')) resolve(this.reply.slice(0, this.reply.indexOf('\0')));
      });
      socket.once('error', (err) => reject(this.fail(new ScannerUnavailableError(err.message))));
      socket.once('close', () =>
        reject(this.failure ?? new ScannerUnavailableError('clamd closed the connection')),
      );
    });
    this.answered.catch(() => undefined);
  }

  static open(address: ClamdAddress, timeoutMs: number): Promise<ClamdSession> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      const onError = (err: Error) => reject(new ScannerUnavailableError(err.message));
      socket.once('error', onError);
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no connection within ${timeoutMs} ms`)));
      socket.once('connect', () => {
        socket.off('error', onError);
        const session = new ClamdSession(socket, timeoutMs);
        socket.write(INSTREAM);
        resolve(session);
      });
    });
  }

  /** Sends one chunk; resolves once the socket can take more (backpressure). */
  async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (chunk.length === 0) return;
    const size = Buffer.allocUnsafe(4);
    size.writeUInt32BE(chunk.length);
    this.socket.write(size);
    if (!this.socket.write(chunk)) await this.drained();
  }

  async finish(): Promise<ScanVerdict> {
    if (this.failure) throw this.failure;
    this.socket.write(END);
    try {
      return verdictOf(await this.answered);
    } finally {
      this.socket.destroy();
    }
  }

  abort(): void {
    this.socket.destroy();
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.socket.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.socket.off('drain', onDrain);
        reject(this.failure ?? new ScannerUnavailableError('clamd closed the connection'));
      };
      this.socket.once('drain', onDrain).once('close', onClose);
    });
  }

  private fail(err: Error): Error {
    this.failure ??= err;
    this.socket.destroy();
    return this.failure;
  }
}

export function verdictOf(reply: string): ScanVerdict {
  const text = reply.trim();
  if (/^stream: OK$/.test(text)) return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { infected: true, signature: found[1] };
  throw new ScannerUnavailableError(`clamd answered "${text.slice(0, 200)}"`);
}

/** Scans a whole stream (rescans of stored files). */
export async function scanStream(
  address: ClamdAddress,
  timeoutMs: number,
  body: AsyncIterable<Buffer>,
): Promise<ScanVerdict> {
  const session = await ClamdSession.open(address, timeoutMs);
  try {
    for await (const chunk of body) await session.write(chunk);
    return await session.finish();
  } catch (err) {
    session.abort();
    throw err;
  }
}
