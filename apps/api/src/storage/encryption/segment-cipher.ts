import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StorageIntegrityError } from '../storage.errors';
import { cipherThread, type CipherRequest, type CipherThread } from './cipher-thread';
import { segmentNonce, TAG_BYTES, type SegmentHeader } from './segment-format';

const ALGORITHM = 'aes-256-gcm';

/** Bytes the sealer passes on before it waits for the storage write to catch up. */
const SEALED_BUFFER_BYTES = 1024 * 1024;

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

/** Segments at least this large go to the cipher thread; smaller ones are not worth the hop. */
const OFFLOAD_BYTES = 64 * 1024;
/** Segment buffers per stream: one filling while the others are with the cipher thread. */
const SEGMENT_BUFFERS = 3;

type SegmentRequest = Omit<CipherRequest, 'out'>;

/** A segment's input, and where the thread puts its result (both reused). */
interface Slot {
  shared: SharedArrayBuffer;
  view: Buffer;
  out: SharedArrayBuffer;
}

/**
 * A stream stage that gathers its input into fixed-size segments in memory shared with the cipher
 * thread, which works on one while the next fills; results are pushed in order. A full segment is
 * handed over only once the next byte (or the end) arrives, so the last one is known to be last.
 */
abstract class SegmentStage extends Transform {
  private readonly free: Slot[] = [];
  private slots = 0;
  private slot?: Slot;
  private filled = 0;
  protected index: number;
  private inFlight = 0;
  /** The step waiting for a free segment buffer or for the thread's last answer. */
  private retry?: () => void;

  protected constructor(
    private readonly slotBytes: number,
    firstIndex: number,
    private readonly offloadBytes: number,
    private readonly thread: CipherThread,
  ) {
    super({ readableHighWaterMark: SEALED_BUFFER_BYTES, writableHighWaterMark: SEALED_BUFFER_BYTES });
    this.index = firstIndex;
  }

  /** Works on a segment right here (small ones); returns what to push. */
  protected abstract inline(input: Buffer, index: number, final: boolean): Buffer[];
  /** The thread's request for a segment (the caller adds where the result goes). */
  protected abstract request(
    input: SharedArrayBuffer,
    length: number,
    index: number,
    final: boolean,
  ): SegmentRequest;
  /** Bytes of the thread's result for a `length`-byte segment (throws when it was refused). */
  protected abstract resultBytes(length: number, ok: boolean, index: number): number;
  /** Whether the end of the input still makes a (final) segment. */
  protected abstract endsWithSegment(filled: number): boolean;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.gather(chunk, done);
  }

  protected gather(chunk: Buffer, done: TransformCallback): void {
    let offset = 0;
    const step = () => {
      try {
        while (offset < chunk.length) {
          const slot = this.current();
          if (!slot) return void (this.retry = step);
          if (this.filled === this.slotBytes) {
            this.process(false);
            continue;
          }
          const n = chunk.copy(slot.view, this.filled, offset);
          this.filled += n;
          offset += n;
        }
      } catch (err) {
        return done(err as Error);
      }
      done();
    };
    step();
  }

  override _flush(done: TransformCallback): void {
    const finish = () => (this.inFlight > 0 ? void (this.retry = finish) : done());
    const last = () => {
      if (!this.endsWithSegment(this.filled)) return finish();
      if (!this.current()) return void (this.retry = last);
      try {
        this.process(true);
      } catch (err) {
        return done(err as Error);
      }
      finish();
    };
    last();
  }

  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    this.retry = undefined;
    done(err);
  }

  private current(): Slot | undefined {
    if (this.slot) return this.slot;
    this.slot = this.free.pop();
    if (!this.slot && this.slots < SEGMENT_BUFFERS) {
      const shared = new SharedArrayBuffer(this.slotBytes);
      this.slot = {
        shared,
        view: Buffer.from(shared),
        out: new SharedArrayBuffer(this.slotBytes + TAG_BYTES),
      };
      this.slots++;
    }
    return this.slot;
  }

  private process(final: boolean): void {
    const slot = this.slot as Slot;
    const length = this.filled;
    const index = this.index++;
    this.slot = undefined;
    this.filled = 0;
    if (length < this.offloadBytes && this.inFlight === 0) {
      try {
        for (const out of this.inline(slot.view.subarray(0, length), index, final)) this.push(out);
      } finally {
        this.free.push(slot);
      }
      return;
    }
    this.inFlight++;
    this.thread.run({ ...this.request(slot.shared, length, index, final), out: slot.out }, (err, ok) => {
      this.inFlight--;
      try {
        if (this.destroyed) return;
        if (err) throw err;
        // Copied out of the shared buffer: a Buffer the GC accounts for, and the slot is free again.
        const result = Buffer.allocUnsafe(this.resultBytes(length, ok === true, index));
        Buffer.from(slot.out, 0, result.length).copy(result);
        this.push(result);
      } catch (failure) {
        return void this.destroy(failure as Error);
      } finally {
        this.free.push(slot);
      }
      const retry = this.retry;
      this.retry = undefined;
      retry?.();
    });
  }
}

/** The header, then the plaintext sealed segment by segment (the last one flagged final). */
export class SegmentSealer extends SegmentStage {
  constructor(
    private readonly key: Buffer,
    private readonly header: SegmentHeader,
    offloadBytes = OFFLOAD_BYTES,
    thread: CipherThread = cipherThread(),
  ) {
    super(header.segmentBytes, 0, offloadBytes, thread);
    this.push(header.raw);
  }

  protected inline(input: Buffer, index: number, final: boolean): Buffer[] {
    const cipher = createCipheriv(ALGORITHM, this.key, segmentNonce(this.header, index, final));
    cipher.setAAD(this.header.raw);
    const sealed = cipher.update(input);
    cipher.final();
    return [sealed, cipher.getAuthTag()];
  }

  protected request(input: SharedArrayBuffer, length: number, index: number, final: boolean): SegmentRequest {
    const nonce = segmentNonce(this.header, index, final);
    return { op: 'seal', key: this.key, nonce, aad: this.header.raw, input, length };
  }

  protected resultBytes(length: number): number {
    return length + TAG_BYTES;
  }

  /** Every object ends with a final segment, an empty one included. */
  protected endsWithSegment(): boolean {
    return true;
  }
}

/**
 * Opens a whole stored object as a stream stage: skips `skipBytes` (the header), then releases each
 * segment only once it authenticated.
 */
export class SegmentOpener extends SegmentStage {
  private skip: number;

  constructor(
    private readonly o: OpenOptions & { skipBytes: number },
    offloadBytes = OFFLOAD_BYTES,
    thread: CipherThread = cipherThread(),
  ) {
    super(o.header.segmentBytes + TAG_BYTES, o.firstIndex, offloadBytes, thread);
    this.skip = o.skipBytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.skip > 0) {
      const n = Math.min(this.skip, chunk.length);
      this.skip -= n;
      chunk = chunk.subarray(n);
    }
    this.gather(chunk, done);
  }

  protected inline(input: Buffer, index: number, final: boolean): Buffer[] {
    return [openSegment(this.o.key, this.o.header, index, input, final, this.o.objectKey)];
  }

  protected request(input: SharedArrayBuffer, length: number, index: number, final: boolean): SegmentRequest {
    if (length < TAG_BYTES)
      throw new StorageIntegrityError(this.o.objectKey, `segment ${index} is truncated`);
    const nonce = segmentNonce(this.o.header, index, final);
    return { op: 'open', key: this.o.key, nonce, aad: this.o.header.raw, input, length };
  }

  protected resultBytes(length: number, ok: boolean, index: number): number {
    if (!ok) throw new StorageIntegrityError(this.o.objectKey, `segment ${index} failed authentication`);
    return length - TAG_BYTES;
  }

  /** A read to the end must end with the final segment, even an empty one. */
  protected endsWithSegment(filled: number): boolean {
    return filled > 0 || this.o.toEnd;
  }
}
