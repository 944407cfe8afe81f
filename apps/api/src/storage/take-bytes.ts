import { Transform, type Readable } from 'node:stream';

/** The first `length` bytes of `source`; the rest is not read (the source is destroyed once enough arrived). */
export function takeBytes(source: Readable, length: number): Readable {
  let left = length;
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (left > 0) this.push(chunk.subarray(0, left));
      left -= Math.min(left, chunk.length);
      if (left === 0) {
        this.push(null);
        source.unpipe(out);
        source.destroy();
      }
      done();
    },
  });
  source.once('error', (err) => out.destroy(err));
  if (length === 0) out.end();
  return source.pipe(out);
}
