import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StorageIntegrityError } from '../storage.errors';
import { segmentNonce, TAG_BYTES, type SegmentHeader } from './segment-format';

const ALGORITHM = 'aes-256-gcm';

/** Bytes the sealer passes on before it waits for the storage write to catch up. */
const SEALED_BUFFER_BYTES = 1024 * 1024;

/**
 * The header, then the plaintext sealed segment by segment, as a stream stage. Input is gathered
 * into one reused segment buffer and sealed with a single cipher call per segment: one output
 * buffer and one tag per segment keep allocations and downstream writes few (a cipher call per
 * input chunk cost more than the cipher work itself). A full segment is sealed only once the next
 * byte (or the end) arrives, so the last one carries the final flag.
 *
 * Sealing on a worker thread was measured and dropped: ciphertext transferred back counts as
 * external memory and set off a full GC every ~100 ms; results copied out of reused shared buffers
 * avoided that but were slower than this on the 2-core bench (rounds at 98 MiB/s vs 154 inline).
 */
export class SegmentSealer extends Transform {
  private readonly segment: Buffer;
  private filled = 0;
  private index = 0;

  constructor(
    private readonly key: Buffer,
    private readonly header: SegmentHeader,
  ) {
    super({ readableHighWaterMark: SEALED_BUFFER_BYTES, writableHighWaterMark: SEALED_BUFFER_BYTES });
    this.segment = Buffer.allocUnsafe(header.segmentBytes);
    this.push(header.raw);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let offset = 0;
      while (offset < chunk.length) {
        if (this.filled === this.segment.length) this.seal(false);
        const copied = chunk.copy(this.segment, this.filled, offset);
        this.filled += copied;
        offset += copied;
      }
    } catch (err) {
      return done(err as Error);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      this.seal(true);
    } catch (err) {
      return done(err as Error);
    }
    done();
  }

  private seal(final: boolean): void {
    const cipher = createCipheriv(ALGORITHM, this.key, segmentNonce(this.header, this.index++, final));
    cipher.setAAD(this.header.raw);
    this.push(cipher.update(this.segment.subarray(0, this.filled)));
    cipher.final();
    this.push(cipher.getAuthTag());
    this.filled = 0;
  }
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
  options: OpenOptions,
): AsyncGenerator<Buffer> {
  const sealedSize = options.header.segmentBytes + TAG_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = options.firstIndex;
  for await (const chunk of source) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Keep at least one whole segment back: only the end of the source tells which one is final.
    while (pendingBytes > sealedSize) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      yield openSegment(
        options.key,
        options.header,
        index++,
        all.subarray(0, sealedSize),
        false,
        options.objectKey,
      );
      pending = [all.subarray(sealedSize)];
      pendingBytes -= sealedSize;
    }
  }
  const rest = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
  if (rest.length === 0 && !options.toEnd) return;
  yield openSegment(options.key, options.header, index, rest, options.toEnd, options.objectKey);
}

/**
 * Opens a whole stored object as a stream stage: skips `skipBytes` (the header), then releases each
 * segment only once it authenticated. Sealed bytes are gathered by reference and copied once per
 * segment only when a segment spans chunks.
 */
export class SegmentOpener extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index: number;
  private skip: number;

  constructor(private readonly options: OpenOptions & { skipBytes: number }) {
    super({ readableHighWaterMark: SEALED_BUFFER_BYTES, writableHighWaterMark: SEALED_BUFFER_BYTES });
    this.index = options.firstIndex;
    this.skip = options.skipBytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, chunk.length);
      this.skip -= skipped;
      chunk = chunk.subarray(skipped);
    }
    if (chunk.length) this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const sealedSize = this.options.header.segmentBytes + TAG_BYTES;
    try {
      // Keep at least one whole segment back: only the end of the source tells which one is final.
      while (this.pendingBytes > sealedSize) this.push(this.open(this.takeSealed(sealedSize), false));
    } catch (err) {
      return done(err as Error);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.pendingBytes > 0 || this.options.toEnd)
        this.push(this.open(this.takeSealed(this.pendingBytes), this.options.toEnd));
    } catch (err) {
      return done(err as Error);
    }
    done();
  }

  private open(sealed: Buffer, final: boolean): Buffer {
    return openSegment(
      this.options.key,
      this.options.header,
      this.index++,
      sealed,
      final,
      this.options.objectKey,
    );
  }

  /** The first `bytes` pending bytes as one buffer (a view when they sit in one chunk). */
  private takeSealed(bytes: number): Buffer {
    const first = this.pending[0];
    let out: Buffer;
    if (first && first.length >= bytes) {
      out = first.subarray(0, bytes);
      if (first.length === bytes) this.pending.shift();
      else this.pending[0] = first.subarray(bytes);
    } else {
      out = Buffer.allocUnsafe(bytes);
      let filled = 0;
      while (filled < bytes) {
        const piece = this.pending[0];
        const taken = Math.min(piece.length, bytes - filled);
        piece.copy(out, filled, 0, taken);
        filled += taken;
        if (taken === piece.length) this.pending.shift();
        else this.pending[0] = piece.subarray(taken);
      }
    }
    this.pendingBytes -= bytes;
    return out;
  }
}
