import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { closed } from '../../storage/closed';
import type { AttachmentObjectsRepository } from '../attachment-objects.repository';

/** Where a checked upload's bytes go once its content type is known. */
export interface FileSink {
  write(body: Readable, contentType: string): Promise<void>;
  /** Removes whatever was written; safe to call more than once. */
  discard(): Promise<void>;
}

/** Straight into storage under a generated key. */
export function storageSink(
  objects: AttachmentObjectsRepository,
  key: string,
  encrypt?: boolean,
): FileSink & { key: string } {
  return {
    key,
    write: (body, contentType) => objects.write(key, body, contentType, { encrypt }),
    discard: () => objects.remove(key),
  };
}

/**
 * A local temp file, for uploads whose storage key depends on a form field that may come after the
 * file (seed 001's `session_id`). `commit` streams it into storage, then removes the temp file.
 */
export class SpoolSink implements FileSink {
  private readonly path: string;
  private contentType = 'application/octet-stream';

  constructor(private readonly dir: string) {
    this.path = join(dir, randomUUID());
  }

  async write(body: Readable, contentType: string): Promise<void> {
    this.contentType = contentType;
    await mkdir(this.dir, { recursive: true });
    const out = createWriteStream(this.path, { flags: 'wx' });
    try {
      await pipeline(body, out);
    } catch (err) {
      out.destroy();
      await closed(out);
      await this.discard();
      throw err;
    }
  }

  async commit(objects: AttachmentObjectsRepository, key: string, encrypt?: boolean): Promise<void> {
    try {
      await objects.write(key, createReadStream(this.path), this.contentType, { encrypt });
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
