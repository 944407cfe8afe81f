import { createReadStream } from 'node:fs';
import { readdir, stat, truncate } from 'node:fs/promises';
import type http from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { checkedFirstChunk } from './first-chunk-check';
import type { StagingStore } from './staging-store';
import type { TusModules } from './tus-modules';
import { watchChecksum } from './upload-checksum';

export interface StagingOptions {
  directory: string;
  expirationPeriodInMilliseconds: number;
}

/**
 * The tus staging store for STORAGE_DRIVER=disk: parts on local disk (shared by the API processes
 * of one machine). The first chunk's magic bytes must agree with the file's extension, else the
 * upload is terminated at once (415 CONTENT_MISMATCH). With `Upload-Checksum` a chunk that does not
 * match is cut off again (460 CHECKSUM_MISMATCH).
 */
export function checkedFileStore(
  tus: TusModules,
  opts: StagingOptions,
  checksumOf: () => string | undefined,
): StagingStore {
  class CheckedFileStore extends tus.FileStore {
    constructor() {
      super(opts);
      this.extensions = [...this.extensions, 'checksum'];
    }

    override async write(
      readable: http.IncomingMessage | Readable,
      id: string,
      offset: number,
    ): Promise<number> {
      const header = checksumOf();
      if (!header) return this.checkedWrite(readable, id, offset);
      const watch = watchChecksum(header, readable);
      const written = await this.checkedWrite(watch.stream, id, offset);
      try {
        watch.verify();
      } catch (err) {
        // The spec: a chunk whose checksum does not match is discarded; the offset stays where it was.
        await truncate(join(this.directory, id), offset);
        throw err;
      }
      return written;
    }

    private async checkedWrite(readable: Readable, id: string, offset: number): Promise<number> {
      if (offset > 0) return super.write(readable, id, offset);
      const body = await checkedFirstChunk(readable, await this.getUpload(id), () => this.remove(id));
      return super.write(body, id, offset);
    }

    openRead(id: string): Promise<Readable> {
      return Promise.resolve(createReadStream(join(this.directory, id)));
    }

    /** Uploads that received their last byte before `cutoff`. */
    async completedBefore(cutoff: Date): Promise<string[]> {
      const names = await readdir(this.directory).catch(() => [] as string[]);
      const ids: string[] = [];
      for (const id of names.filter((n) => /^[\w-]+$/.test(n))) {
        const upload = await this.getUpload(id).catch(() => null);
        const part = await stat(join(this.directory, id)).catch(() => null);
        if (upload && part && upload.offset === upload.size && part.mtime < cutoff) ids.push(id);
      }
      return ids;
    }
  }
  return new CheckedFileStore();
}
