import { webcrypto } from 'node:crypto';
import { StorageIntegrityError } from '../storage.errors';
import { segmentNonce, TAG_BYTES, type SegmentHeader } from './segment-format';

const { subtle } = webcrypto;

/**
 * Segments sealed or opened at once. WebCrypto runs AES-GCM on libuv's thread pool, so while these
 * are in flight the main thread keeps parsing the upload and hashing it (sha256) on the other core.
 */
const IN_FLIGHT = 3;

/** The object's data key, imported once for all its segments. */
function gcmKey(key: Buffer): Promise<webcrypto.CryptoKey> {
  return subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function gcm(header: SegmentHeader, index: number, final: boolean): webcrypto.AesGcmParams {
  return {
    name: 'AES-GCM',
    iv: segmentNonce(header, index, final),
    additionalData: header.raw,
    tagLength: TAG_BYTES * 8,
  };
}

/** Ciphertext followed by its 16-byte tag, as `createCipheriv` + `getAuthTag` would write them. */
async function sealSegment(
  key: webcrypto.CryptoKey,
  header: SegmentHeader,
  index: number,
  plain: Buffer,
  final: boolean,
): Promise<Buffer> {
  return Buffer.from(await subtle.encrypt(gcm(header, index, final), key, plain));
}

/** Results in the order they were started, with at most `IN_FLIGHT` running. */
class OrderedWork {
  private readonly queue: Promise<Buffer>[] = [];

  /** Starts `work`; resolves with the oldest result once the queue is full (else with nothing). */
  async push(work: Promise<Buffer>): Promise<Buffer | undefined> {
    // Kept from being reported as unhandled while it waits its turn; awaited (and thrown) in order.
    work.catch(() => undefined);
    this.queue.push(work);
    return this.queue.length > IN_FLIGHT ? this.queue.shift() : undefined;
  }

  async *drain(): AsyncGenerator<Buffer> {
    while (this.queue.length) yield await (this.queue.shift() as Promise<Buffer>);
  }
}

/**
 * The header, then `source` sealed segment by segment. One segment is held back until the next
 * byte (or the end) arrives, so the last one carries the final flag.
 */
export async function* encryptSegments(
  source: AsyncIterable<Buffer>,
  rawKey: Buffer,
  header: SegmentHeader,
): AsyncGenerator<Buffer> {
  const key = await gcmKey(rawKey);
  yield header.raw;
  const size = header.segmentBytes;
  const work = new OrderedWork();
  let segment = Buffer.allocUnsafe(size);
  let filled = 0;
  let index = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length) {
      if (filled === size) {
        const done = await work.push(sealSegment(key, header, index++, segment, false));
        if (done) yield done;
        segment = Buffer.allocUnsafe(size);
        filled = 0;
      }
      const n = Math.min(size - filled, chunk.length - offset);
      chunk.copy(segment, filled, offset, offset + n);
      filled += n;
      offset += n;
    }
  }
  const done = await work.push(sealSegment(key, header, index, segment.subarray(0, filled), true));
  if (done) yield done;
  yield* work.drain();
}

async function openSegment(
  key: webcrypto.CryptoKey,
  header: SegmentHeader,
  index: number,
  sealed: Buffer,
  final: boolean,
  objectKey: string,
): Promise<Buffer> {
  if (sealed.length < TAG_BYTES) throw new StorageIntegrityError(objectKey, `segment ${index} is truncated`);
  try {
    return Buffer.from(await subtle.decrypt(gcm(header, index, final), key, sealed));
  } catch {
    throw new StorageIntegrityError(objectKey, `segment ${index} failed authentication`);
  }
}

export interface OpenOptions {
  key: Buffer;
  header: SegmentHeader;
  /** Index of the first segment in `source`. */
  firstIndex: number;
  /** Whether `source` runs to the end of the object (its last segment must be the final one). */
  toEnd: boolean;
  objectKey: string;
}

/** Opens sealed segments from `source`; a segment is released only once it authenticated. */
export async function* decryptSegments(
  source: AsyncIterable<Buffer>,
  o: OpenOptions,
): AsyncGenerator<Buffer> {
  const key = await gcmKey(o.key);
  const sealedSize = o.header.segmentBytes + TAG_BYTES;
  const work = new OrderedWork();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = o.firstIndex;
  for await (const chunk of source) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Keep at least one whole segment back: only the end of the source tells which one is final.
    while (pendingBytes > sealedSize) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const sealed = all.subarray(0, sealedSize);
      const done = await work.push(openSegment(key, o.header, index++, sealed, false, o.objectKey));
      if (done) yield done;
      pending = [all.subarray(sealedSize)];
      pendingBytes -= sealedSize;
    }
  }
  const rest = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
  if (rest.length > 0 || o.toEnd) {
    const done = await work.push(openSegment(key, o.header, index, rest, o.toEnd, o.objectKey));
    if (done) yield done;
  }
  yield* work.drain();
}
