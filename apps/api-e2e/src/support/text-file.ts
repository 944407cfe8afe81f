import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';

const MB = 1024 * 1024;

/** Writes a printable text file (its content agrees with `.txt`) of `size` bytes; returns its sha256. */
export async function textFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let left = size; left > 0; left -= MB) {
    const block = Buffer.from(randomBytes(MB).toString('base64').slice(0, Math.min(MB, left)));
    hash.update(block);
    if (!out.write(block)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  }
  await new Promise((ok) => out.end(ok));
  return hash.digest('hex');
}
