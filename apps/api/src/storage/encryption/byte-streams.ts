import { Readable } from 'node:stream';

/** The first `n` bytes of `source` (fewer if it ends first) and an iterable of everything, head included. */
export async function peek(
  source: Readable,
  n: number,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks, length);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  const rest = all();
  // Stopping early (a destroyed consumer) must release the source too.
  const release = rest.return.bind(rest);
  rest.return = async (value) => {
    await it.return?.();
    return release(value);
  };
  return { head, all: rest };
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

export function byteStream(source: AsyncIterable<Buffer>): Readable {
  return Readable.from(source, { objectMode: false });
}
