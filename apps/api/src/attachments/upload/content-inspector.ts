import { CONTENT_HEAD_BYTES, type DetectedType } from '@satchel/domain';
import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { STREAM_BUFFER_BYTES } from './multipart-reader';

interface FileTypeModule {
  fileTypeFromBuffer(buffer: Uint8Array): Promise<{ ext: string; mime: string } | undefined>;
}
let fileType: Promise<FileTypeModule> | undefined;

/** `file-type` is ESM-only; loaded once on first use. */
export async function detectType(head: Uint8Array): Promise<DetectedType | undefined> {
  fileType ??= import('file-type') as Promise<FileTypeModule>;
  const found = await (await fileType).fileTypeFromBuffer(head);
  return found ? { ext: found.ext, mime: found.mime } : undefined;
}

/** Reads the first `n` bytes (fewer if the stream ends first) and leaves the stream paused after them. */
export function readHead(
  stream: Readable,
  bytes = CONTENT_HEAD_BYTES,
): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (ended: boolean) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (!ended) stream.pause();
      resolve({ head: Buffer.concat(chunks, length), ended });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = (err: Error) => {
      stream.off('data', onData).off('end', onEnd).off('close', onClose);
      reject(err);
    };
    const onClose = () => onError(new Error('stream closed before its end'));
    stream.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

/**
 * Passes bytes through while counting and hashing them (sha256); fails with `tooLarge()` as soon as
 * more than `maxBytes` went through, so an oversized upload stops at the limit.
 */
export class UploadMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => Error,
  ) {
    super({ highWaterMark: STREAM_BUFFER_BYTES });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(this.tooLarge());
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The meter fed with the head already read, then the rest of the source. */
export function replay(head: Buffer, ended: boolean, source: Readable, meter: UploadMeter): UploadMeter {
  // The meter may fail before its consumer attaches (the head alone can exceed a small limit); the
  // consumer still sees the error through `pipeline`/`errored`, so an unheard 'error' must not crash.
  meter.on('error', () => undefined);
  if (ended) {
    meter.end(head);
    return meter;
  }
  meter.write(head);
  if (wasCutShort(source)) {
    // Destroyed after its head was read: its 'error' is gone and pipe() would wait forever.
    meter.destroy(source.errored ?? new Error('stream closed before its end'));
    return meter;
  }
  source.once('error', (err) => meter.destroy(err));
  source.pipe(meter);
  return meter;
}

/** Destroyed (an abort, a refusal) before all of it was read; a stream that simply ended is not. */
export function wasCutShort(stream: Readable): boolean {
  return stream.destroyed && !stream.readableEnded;
}
