import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { closed } from './closed';
import { assertSafeKey, assertValidRange, TEMP_SEGMENT } from './storage-key';
import type { ByteRange, ListedObject, StorageDriver, StoredObject } from './storage.driver';
import { StorageNotFoundError, StorageRangeError } from './storage.errors';

const MAX_KNOWN_DIRS = 10_000;
const WRITE_BUFFER_BYTES = 1024 * 1024;
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files under one root directory. Writes go to `<root>/.tmp/` (same filesystem) and are renamed into
 * place only when the whole body arrived, so a reader never sees a partial object and an aborted
 * body leaves nothing behind.
 */
export class DiskStorageDriver implements StorageDriver {
  readonly name = 'disk' as const;
  private readonly root: string;
  private readonly tempDir: string;
  /** Directories known to exist, so a write costs no mkdir round trips through the thread pool. */
  private readonly knownDirs = new Set<string>();

  constructor(root: string) {
    this.root = resolve(root);
    this.tempDir = join(this.root, TEMP_SEGMENT);
  }

  async write(key: string, body: Readable): Promise<StoredObject> {
    const target = this.pathOf(key);
    await this.ensureDir(this.tempDir);
    const temp = join(this.tempDir, randomUUID());
    // A larger buffer lets fs batch chunks (writev) while a write is in flight on the thread pool.
    const out = createWriteStream(temp, { flags: 'wx', highWaterMark: WRITE_BUFFER_BYTES });
    try {
      await pipeline(body, out);
      await this.ensureDir(dirname(target));
      await rename(temp, target).catch(async (err: unknown) => {
        if (!isMissing(err)) throw err;
        // The directory was removed behind our back: forget it and try once more.
        this.knownDirs.delete(dirname(target));
        await this.ensureDir(dirname(target));
        await rename(temp, target);
      });
    } catch (err) {
      out.destroy();
      await closed(out);
      await rm(temp, { force: true });
      throw err;
    }
    return { key, size: out.bytesWritten };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((err: unknown) => {
      throw isMissing(err) ? new StorageNotFoundError(key) : err;
    });
    try {
      const size = range ? (await handle.stat()).size : 0;
      if (range && range.start >= size) throw new StorageRangeError(key, size);
    } catch (err) {
      await handle.close();
      throw err;
    }
    return handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const stats = await stat(this.pathOf(key));
      return stats.isFile() ? { size: stats.size } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<ListedObject> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      (err: unknown) => {
        if (isMissing(err)) return [];
        throw err;
      },
    );
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const key = join(entry.parentPath, entry.name)
        .slice(this.root.length + 1)
        .split(sep)
        .join('/');
      if (key.startsWith(`${TEMP_SEGMENT}/`)) continue;
      const stats = await stat(join(entry.parentPath, entry.name)).catch(() => null);
      if (stats) yield { key, size: stats.size, modifiedAt: stats.mtime };
    }
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    if (this.knownDirs.size >= MAX_KNOWN_DIRS) this.knownDirs.clear();
    this.knownDirs.add(dir);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, assertSafeKey(key));
    // Unreachable after assertSafeKey; kept as the last line of defense for the filesystem.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key escapes the root: ${key}`);
    return path;
  }
}
