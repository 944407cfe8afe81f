import { createHash, getHashes, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { tusRefusal } from './tus-errors';

/** What `Tus-Checksum-Algorithm` advertises. */
export const CHECKSUM_ALGORITHMS = ['sha1', 'sha256', 'md5'] as const;

export interface ChecksumWatch {
  stream: Readable;
  /** Throws 460 `CHECKSUM_MISMATCH` when the bytes that went through do not hash to the header's value. */
  verify(): void;
}

/** tus checksum extension: `Upload-Checksum: <algorithm> <base64 digest>` of the PATCH body. */
export function watchChecksum(header: string, body: Readable): ChecksumWatch {
  const [algorithm = '', expected = '', extra] = header.trim().split(' ');
  const known =
    (CHECKSUM_ALGORITHMS as readonly string[]).includes(algorithm) && getHashes().includes(algorithm);
  if (!known || !expected || extra !== undefined)
    throw tusRefusal(400, `Upload-Checksum must be "<${CHECKSUM_ALGORITHMS.join('|')}> <base64 digest>"`, {
      code: 'VALIDATION_FAILED',
      field: 'Upload-Checksum',
    });
  const hash: Hash = createHash(algorithm);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  body.once('error', (err) => meter.destroy(err));
  body.pipe(meter);
  return {
    stream: meter,
    verify: () => {
      if (hash.digest('base64') !== expected)
        throw tusRefusal(460, 'The chunk does not match its Upload-Checksum; it was discarded', {
          code: 'CHECKSUM_MISMATCH',
        });
    },
  };
}
