import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type http from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../../config/app-config';
import { TUS_SEGMENT } from '../../storage/storage-key';
import { checkedFirstChunk } from './first-chunk-check';
import { underPrefix } from './s3-key-prefix';
import type { StagingStore } from './staging-store';
import { loadTusS3Store } from './tus-modules';
import { watchChecksum } from './upload-checksum';

/** Where tus keeps its objects in Satchel's bucket; the storage driver's listing skips it. */
export const TUS_S3_PREFIX = `${TUS_SEGMENT}/`;
const PART_SIZE = 8 * 1024 * 1024;

export interface S3StagingOptions {
  s3: AppConfig['storage']['s3'] & { bucket: string };
  expirationPeriodInMilliseconds: number;
  /** Local scratch space for a chunk sent with `Upload-Checksum` (verified before it goes to S3). */
  spoolDir: string;
}

/** No metadata cache: every API process reads the `.info` object, so none answers from a stale copy. */
const NO_CACHE = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(),
  list: () => Promise.resolve([] as string[]),
};

/**
 * The tus staging store for STORAGE_DRIVER=s3: each upload is an S3 multipart upload under
 * `.tus/` (parts survive a process, any process resumes them). The same checks as on disk: the
 * first chunk's magic bytes (415 CONTENT_MISMATCH); a chunk with `Upload-Checksum` is spooled and
 * verified before any of it reaches S3, since S3 cannot take a part back (460 CHECKSUM_MISMATCH).
 */
export async function checkedS3Store(
  opts: S3StagingOptions,
  checksumOf: () => string | undefined,
): Promise<StagingStore> {
  const Base = await loadTusS3Store();
  const { s3 } = opts;
  class CheckedS3Store extends Base {
    constructor() {
      super({
        partSize: PART_SIZE,
        useTags: false,
        cache: NO_CACHE,
        expirationPeriodInMilliseconds: opts.expirationPeriodInMilliseconds,
        s3ClientConfig: {
          bucket: s3.bucket,
          region: s3.region,
          endpoint: s3.endpoint,
          forcePathStyle: s3.forcePathStyle,
          credentials:
            s3.accessKeyId && s3.secretAccessKey
              ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
              : undefined,
          // S3-compatible services often reject the SDK's default CRC32 trailers.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        },
      });
      this.client = underPrefix(this.client, TUS_S3_PREFIX);
      this.extensions = [...this.extensions, 'checksum'];
    }

    override async write(
      readable: http.IncomingMessage | Readable,
      id: string,
      offset: number,
    ): Promise<number> {
      const body =
        offset > 0
          ? readable
          : await checkedFirstChunk(readable, await this.getUpload(id), () => this.remove(id));
      const header = checksumOf();
      if (!header) return super.write(body, id, offset);
      const spooled = join(opts.spoolDir, `chunk-${randomUUID()}`);
      try {
        await mkdir(opts.spoolDir, { recursive: true });
        const watch = watchChecksum(header, body);
        await pipeline(watch.stream, createWriteStream(spooled));
        watch.verify();
        return await super.write(createReadStream(spooled), id, offset);
      } finally {
        await rm(spooled, { force: true });
      }
    }

    /** Also after completion (no multipart upload left to abort): the object, its info and any part go. */
    override async remove(id: string): Promise<void> {
      const meta = await this.getMetadata(id).catch(() => null);
      if (!meta) return super.remove(id); // answers FILE_NOT_FOUND
      const uploadId = meta['upload-id'];
      await this.client
        .abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId })
        .catch((err: unknown) => {
          if ((err as { name?: string }).name !== 'NoSuchUpload') throw err;
        });
      await this.client.deleteObjects({
        Bucket: this.bucket,
        Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }, { Key: this.partKey(id, true) }] },
      });
    }

    openRead(id: string): Promise<Readable> {
      return this.read(id);
    }

    /** Uploads whose multipart upload was completed (the object exists) before `cutoff`. */
    async completedBefore(cutoff: Date): Promise<string[]> {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = await this.client.listObjectsV2({
          Bucket: this.bucket,
          Prefix: TUS_S3_PREFIX,
          ContinuationToken: token,
        });
        for (const object of page.Contents ?? []) {
          const id = object.Key?.slice(TUS_S3_PREFIX.length) ?? '';
          if (/^[\w-]+$/.test(id) && (object.LastModified ?? cutoff) < cutoff) ids.push(id);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return ids;
    }
  }
  return new CheckedS3Store();
}
