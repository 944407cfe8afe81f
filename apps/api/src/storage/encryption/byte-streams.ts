import { Readable } from 'node:stream';

/**
 * The first `n` bytes of `source` (fewer if it ends first), put back in front of it: the returned
 * stream is `source` itself (no extra stream stage), paused until its consumer reads it.
 */
export function peekStream(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable }> {
  return new Promise((resolve, reject) => {
    if (source.destroyed) return reject(source.errored ?? new Error('stream closed before its end'));
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = () =>
      source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length < bytes) return;
      stop();
      source.pause();
      const head = Buffer.concat(chunks, length);
      source.unshift(head);
      resolve({ head, body: source });
    };
    const onEnd = () => {
      stop();
      const head = Buffer.concat(chunks, length);
      resolve({ head, body: Readable.from(head.length ? [head] : [], { objectMode: false }) });
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(source.errored ?? new Error('stream closed before its end'));
    source.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

/** Bytes `skip`..`skip + take` of `source`; stops reading once enough arrived. */
export async function* slice(
  source: AsyncIterable<Buffer>,
  skip: number,
  take: number,
): AsyncGenerator<Buffer> {
  if (take <= 0) return;
  for await (let chunk of source) {
    if (skip > 0) {
      if (chunk.length <= skip) {
        skip -= chunk.length;
        continue;
      }
      chunk = chunk.subarray(skip);
      skip = 0;
    }
    if (chunk.length >= take) {
      yield chunk.subarray(0, take);
      return;
    }
    take -= chunk.length;
    yield chunk;
  }
}

/**
 * A byte stream over `gen`, its first chunk already produced: a failure there (a wrong key, a
 * tampered first segment) rejects here, before any response header is sent.
 */
export async function primed(gen: AsyncGenerator<Buffer>): Promise<Readable> {
  const first = await gen.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (first.done) return;
    yield first.value;
    yield* gen;
  }
  return Readable.from(all(), { objectMode: false });
}

/**
 * `stream` once its first chunk is ready (or it ended): a failure there (a wrong key, a tampered
 * first segment) rejects here, before any response header is sent.
 */
export async function primedStream(stream: Readable): Promise<Readable> {
  return (await peekStream(stream, 1)).body;
}
