import { contentVerdict, extensionOf, sanitizeDisplayName } from '@satchel/domain';
import { truncate } from 'node:fs/promises';
import type http from 'node:http';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { detectType, readHead } from '../upload/content-inspector';
import { tusRefusal } from './tus-errors';
import type { FileStore, TusModules } from './tus-modules';
import { watchChecksum } from './upload-checksum';

export interface StagingOptions {
  directory: string;
  expirationPeriodInMilliseconds: number;
}

/**
 * The tus staging store: parts on local disk (shared by the API processes of one machine). The
 * first chunk's magic bytes must agree with the file's extension, else the upload is terminated at
 * once and its part removed (415 CONTENT_MISMATCH), before anything of it is kept. With
 * `Upload-Checksum` a chunk that does not match is cut off again (460 CHECKSUM_MISMATCH).
 */
export function checkedFileStore(
  tus: TusModules,
  opts: StagingOptions,
  checksumOf: () => string | undefined,
): FileStore {
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

    private async checkedWrite(
      readable: http.IncomingMessage | Readable,
      id: string,
      offset: number,
    ): Promise<number> {
      if (offset > 0) return super.write(readable, id, offset);
      const { head, ended } = await readHead(readable);
      const upload = await this.getUpload(id);
      const name = sanitizeDisplayName(upload.metadata?.['filename'] ?? '');
      const verdict = contentVerdict(name, extensionOf(name), await detectType(head), head);
      if (!verdict.ok) {
        await this.remove(id).catch(() => undefined);
        throw tusRefusal(415, verdict.message, {
          code: 'CONTENT_MISMATCH',
          file: name,
          detectedType: verdict.actualMime,
        });
      }
      return super.write(withHead(head, ended, readable), id, offset);
    }
  }
  return new CheckedFileStore();
}

function withHead(head: Buffer, ended: boolean, rest: Readable): Readable {
  const out = new PassThrough();
  out.write(head);
  if (ended) {
    out.end();
    return out;
  }
  rest.once('error', (err) => out.destroy(err));
  rest.pipe(out);
  return out;
}
