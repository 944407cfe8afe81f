import type { GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadAwsSdk, type AwsSdk } from './aws-sdk';
import { s3ClientWith, type S3ClientOptions } from './s3-client.factory';
import { assertSafeKey, assertValidRange, TUS_SEGMENT } from './storage-key';
import type { ByteRange, ListedObject, StorageDriver, StoredObject } from './storage.driver';
import { StorageNotFoundError, StorageRangeError } from './storage.errors';
import { takeBytes } from './take-bytes';

const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

const statusOf = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * Objects in one S3 bucket. Bodies stream through lib-storage's multipart `Upload` (at most
 * QUEUE_SIZE parts of PART_SIZE in memory); when the body fails, the multipart upload is aborted so
 * no object and no parts remain.
 */
export class S3StorageDriver implements StorageDriver {
  readonly name = 's3' as const;

  private constructor(
    private readonly sdk: AwsSdk,
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** A driver for `bucket`; the AWS SDK is loaded here, once. */
  static async connect(options: S3ClientOptions, bucket: string): Promise<S3StorageDriver> {
    const sdk = await loadAwsSdk();
    return new S3StorageDriver(sdk, s3ClientWith(sdk, options), bucket);
  }

  async write(key: string, body: Readable, opts: { contentType: string }): Promise<StoredObject> {
    assertSafeKey(key);
    let size = 0;
    let bodyError: unknown;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(body, counter).catch((err: unknown) => (bodyError = err));
    const upload = new this.sdk.storage.Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: opts.contentType },
      queueSize: QUEUE_SIZE,
      partSize: PART_SIZE,
      leavePartsOnError: false,
    });
    try {
      const result = await upload.done();
      return { key, size, etag: result.ETag?.replace(/"/g, '') };
    } catch (err) {
      // The upload may fail before it read the whole body: release the source too.
      counter.destroy();
      body.destroy();
      throw bodyError ?? err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    const command = new this.sdk.s3.GetObjectCommand({
      Bucket: this.bucket,
      Key: assertSafeKey(key),
      Range: range && `bytes=${range.start}-${range.end}`,
    });
    try {
      const res = await this.client.send(command);
      return range ? exactRange(res, range) : (res.Body as Readable);
    } catch (err) {
      if (statusOf(err) === 404) throw new StorageNotFoundError(key);
      if (statusOf(err) === 416) throw new StorageRangeError(key, (await this.stat(key))?.size ?? 0);
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const res = await this.client.send(
        new this.sdk.s3.HeadObjectCommand({ Bucket: this.bucket, Key: assertSafeKey(key) }),
      );
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new this.sdk.s3.DeleteObjectCommand({ Bucket: this.bucket, Key: assertSafeKey(key) }),
    );
  }

  async *list(): AsyncIterable<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new this.sdk.s3.ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        // Resumable uploads in progress are not Satchel's objects (yet).
        if (object.Key && !object.Key.startsWith(`${TUS_SEGMENT}/`))
          yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    this.client.destroy();
  }
}

/**
 * The requested bytes exactly: some S3-compatible servers answer `bytes=0-0` with the whole object,
 * and callers send Content-Length from the range.
 */
function exactRange(res: GetObjectCommandOutput, range: ByteRange): Readable {
  const body = res.Body as Readable;
  const start = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange ?? '');
  const served = start ? Number(start[1]) : 0;
  if (served !== range.start) {
    body.destroy();
    throw new Error(`S3 returned bytes from ${served} for a range starting at ${range.start}`);
  }
  const total = start ? Number(start[3]) : (res.ContentLength ?? 0);
  const wanted = Math.min(range.end, total - 1) - range.start + 1;
  return (res.ContentLength ?? 0) > wanted ? takeBytes(body, wanted) : body;
}
