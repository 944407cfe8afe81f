import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Decoders that need a file get one in a private temp dir, removed whatever happens. */
export async function withTempInput<T>(
  input: Uint8Array,
  name: string,
  work: (dir: string, path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-preview-'));
  try {
    const path = join(dir, name);
    await writeFile(path, input, { mode: 0o600 });
    return await work(dir, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
