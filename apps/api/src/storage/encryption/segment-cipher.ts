import { createCipheriv, createDecipheriv } from 'node:crypto';
import { StorageIntegrityError } from '../storage.errors';
import { segmentNonce, TAG_BYTES, type SegmentHeader } from './segment-format';

const ALGORITHM = 'aes-256-gcm';

function* sealSegment(key: Buffer, header: SegmentHeader, index: number, plain: Buffer, final: boolean) {
  const cipher = createCipheriv(ALGORITHM, key, segmentNonce(header, index, final));
  cipher.setAAD(header.raw);
  yield cipher.update(plain);
  cipher.final();
  yield cipher.getAuthTag();
}

/**
 * The header, then `source` sealed segment by segment. One segment is held back until the next
 * byte (or the end) arrives, so the last one carries the final flag.
 */
export async function* encryptSegments(
  source: AsyncIterable<Buffer>,
  key: Buffer,
  header: SegmentHeader,
): AsyncGenerator<Buffer> {
  yield header.raw;
  const size = header.segmentBytes;
  let segment = Buffer.allocUnsafe(size);
  let filled = 0;
  let index = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length) {
      if (filled === size) {
        yield* sealSegment(key, header, index++, segment, false);
        segment = Buffer.allocUnsafe(size);
        filled = 0;
      }
      const n = Math.min(size - filled, chunk.length - offset);
      chunk.copy(segment, filled, offset, offset + n);
      filled += n;
      offset += n;
    }
  }
  yield* sealSegment(key, header, index, segment.subarray(0, filled), true);
}

function openSegment(
  key: Buffer,
  header: SegmentHeader,
  index: number,
  sealed: Buffer,
  final: boolean,
  objectKey: string,
): Buffer {
  if (sealed.length < TAG_BYTES) throw new StorageIntegrityError(objectKey, `segment ${index} is truncated`);
  const decipher = createDecipheriv(ALGORITHM, key, segmentNonce(header, index, final));
  decipher.setAAD(header.raw);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    throw new StorageIntegrityError(objectKey, `segment ${index} failed authentication`);
  }
  return plain;
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
  const sealedSize = o.header.segmentBytes + TAG_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = o.firstIndex;
  for await (const chunk of source) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Keep at least one whole segment back: only the end of the source tells which one is final.
    while (pendingBytes > sealedSize) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      yield openSegment(o.key, o.header, index++, all.subarray(0, sealedSize), false, o.objectKey);
      pending = [all.subarray(sealedSize)];
      pendingBytes -= sealedSize;
    }
  }
  const rest = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
  if (rest.length === 0 && !o.toEnd) return;
  yield openSegment(o.key, o.header, index, rest, o.toEnd, o.objectKey);
}
