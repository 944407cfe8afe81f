import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface CountedBody {
  stream: Transform;
  /** Bytes that went through so far. */
  readonly size: number;
  /** The error the source body failed with, if it did. */
  readonly error: unknown;
}

/**
 * `body` piped through a byte counter. `onError` runs when the source fails, so an SDK upload
 * reading the counter can be aborted instead of committing a truncated object.
 */
export function counted(body: Readable, onError: (err: unknown) => void = () => undefined): CountedBody {
  const state = { size: 0, error: undefined as unknown };
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      state.size += chunk.length;
      done(null, chunk);
    },
  });
  pipeline(body, stream).catch((err: unknown) => {
    state.error = err;
    onError(err);
  });
  return {
    stream,
    get size() {
      return state.size;
    },
    get error() {
      return state.error;
    },
  };
}
