import type { Bucket } from '@google-cloud/storage';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { counted } from './counted';
import { loadGcsSdk } from './gcs-sdk';
import { assertSafeKey, assertValidRange } from './storage-key';
import type { ByteRange, ListedObject, StorageDriver, StoredObject } from './storage.driver';
import { StorageNotFoundError, StorageRangeError } from './storage.errors';

/** Bodies of known size up to this go in one multipart request; anything else is a resumable upload. */
const SIMPLE_UPLOAD_MAX = 5 * 1024 * 1024;
/** Resumable uploads send chunks of this size (a multiple of 256 KiB), one at a time. */
const CHUNK_SIZE = 8 * 1024 * 1024;

const codeOf = (err: unknown) => (err as { code?: unknown }).code;

export interface GcsOptions {
  bucket: string;
  projectId: string;
  /** An emulator or private endpoint; the client then sends no credentials unless `keyFile` is set. */
  apiEndpoint?: string;
  /** A service account key file; without it the Google default credentials apply. */
  keyFile?: string;
}

/**
 * Objects in one Google Cloud Storage bucket. Large or unsized bodies go through a resumable upload
 * session in CHUNK_SIZE chunks (one chunk in memory), and the object exists only once the last chunk
 * was accepted, so a failed body leaves no object. The SDK checks CRC32C both ways.
 */
export class GcsStorageDriver implements StorageDriver {
  readonly name = 'gcs' as const;

  private constructor(private readonly bucket: Bucket) {}

  /** A driver for the bucket; the GCS SDK is loaded here, once. */
  static async connect(options: GcsOptions): Promise<GcsStorageDriver> {
    const sdk = await loadGcsSdk();
    const storage = new sdk.Storage({
      projectId: options.projectId,
      apiEndpoint: options.apiEndpoint,
      keyFilename: options.keyFile,
      useAuthWithCustomEndpoint: Boolean(options.apiEndpoint && options.keyFile),
    });
    return new GcsStorageDriver(storage.bucket(options.bucket));
  }

  async write(
    key: string,
    body: Readable,
    opts: { contentType: string; size?: number },
  ): Promise<StoredObject> {
    const file = this.bucket.file(assertSafeKey(key));
    const resumable = opts.size === undefined || opts.size > SIMPLE_UPLOAD_MAX;
    const source = counted(body);
    const upload = file.createWriteStream({
      resumable,
      chunkSize: resumable ? CHUNK_SIZE : undefined,
      metadata: { contentType: opts.contentType },
      validation: 'crc32c',
    });
    let session: string | undefined;
    upload.once('uri', (uri: string) => (session = uri));
    try {
      await pipeline(source.stream, upload);
      return { key, size: source.size, etag: file.metadata.etag };
    } catch (err) {
      source.stream.destroy();
      body.destroy();
      if (session) await this.cancel(session);
      throw source.error ?? err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    const download = this.bucket.file(assertSafeKey(key)).createReadStream(
      // The SDK can only check a hash over the whole object.
      range ? { start: range.start, end: range.end, validation: false } : { validation: 'crc32c' },
    );
    try {
      return await opened(download);
    } catch (err) {
      if (codeOf(err) === 404) throw new StorageNotFoundError(key);
      if (codeOf(err) === 416) throw new StorageRangeError(key, (await this.stat(key))?.size ?? 0);
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const [metadata] = await this.bucket.file(assertSafeKey(key)).getMetadata();
      return { size: Number(metadata.size ?? 0) };
    } catch (err) {
      if (codeOf(err) === 404) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.bucket.file(assertSafeKey(key)).delete({ ignoreNotFound: true });
  }

  async *list(): AsyncIterable<ListedObject> {
    let query: { autoPaginate: false; pageToken?: string } | null = { autoPaginate: false };
    while (query) {
      const page: [
        { name: string; metadata: { size?: string | number; updated?: string } }[],
        unknown,
        unknown,
      ] = await this.bucket.getFiles(query);
      for (const file of page[0]) {
        const metadata = file.metadata;
        yield {
          key: file.name,
          size: Number(metadata.size ?? 0),
          modifiedAt: new Date(metadata.updated ?? 0),
        };
      }
      const token: string | undefined = (page[1] as { pageToken?: string } | null)?.pageToken;
      query = token ? { autoPaginate: false, pageToken: token } : null;
    }
  }

  async ping(): Promise<void> {
    await this.bucket.getMetadata();
  }

  /**
   * Cancels a resumable session, dropping the chunks it received (GCS answers 499). Best effort:
   * an unfinished session is never an object and expires after a week anyway.
   */
  private cancel(session: string): Promise<void> {
    return new Promise((done) => {
      this.bucket.storage.request({ method: 'DELETE', uri: session }, () => done());
    });
  }
}

/**
 * The download once the service answered with success, so a missing object or a bad range rejects
 * here rather than failing the stream after headers were sent. The SDK only requests once read.
 */
async function opened(download: Readable): Promise<Readable> {
  const out = new PassThrough();
  const answered = new Promise<void>((resolve, reject) => {
    download.once('response', (res: { statusCode?: number; status?: number }) => {
      if ((res.statusCode ?? res.status ?? 500) < 300) resolve();
    });
    download.once('error', reject);
  });
  pipeline(download, out).catch(() => undefined);
  await answered;
  return out;
}
