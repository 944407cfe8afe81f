import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import type { Readable } from 'node:stream';
import { loadAzureSdk } from './azure-sdk';
import { counted } from './counted';
import { assertSafeKey, assertValidRange } from './storage-key';
import type { ByteRange, ListedObject, StorageDriver, StoredObject } from './storage.driver';
import { StorageNotFoundError, StorageRangeError } from './storage.errors';

const BLOCK_SIZE = 8 * 1024 * 1024;
const CONCURRENCY = 4;

const statusOf = (err: unknown) => (err as { statusCode?: number }).statusCode;

export interface AzureOptions {
  connectionString: string;
  container: string;
}

/**
 * Objects as block blobs in one Azure container. Bodies stream as staged blocks (at most
 * CONCURRENCY blocks of BLOCK_SIZE in memory) committed once the whole body arrived; a failed body
 * aborts the upload and discards the staged blocks.
 */
export class AzureStorageDriver implements StorageDriver {
  readonly name = 'azure' as const;

  private constructor(private readonly container: ContainerClient) {}

  /** A driver for the container; the Azure SDK is loaded here, once. */
  static async connect(o: AzureOptions): Promise<AzureStorageDriver> {
    const sdk = await loadAzureSdk();
    const service = sdk.BlobServiceClient.fromConnectionString(o.connectionString);
    return new AzureStorageDriver(service.getContainerClient(o.container));
  }

  async write(key: string, body: Readable, opts: { contentType: string }): Promise<StoredObject> {
    const blob = this.container.getBlockBlobClient(assertSafeKey(key));
    const abort = new AbortController();
    const source = counted(body, () => abort.abort());
    try {
      const res = await blob.uploadStream(source.stream, BLOCK_SIZE, CONCURRENCY, {
        blobHTTPHeaders: { blobContentType: opts.contentType },
        abortSignal: abort.signal,
      });
      return { key, size: source.size, etag: res.etag?.replace(/"/g, '') };
    } catch (err) {
      abort.abort();
      source.stream.destroy();
      body.destroy();
      await discardStagedBlocks(blob);
      throw source.error ?? err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    const blob = this.container.getBlobClient(assertSafeKey(key));
    try {
      const res = range
        ? await blob.download(range.start, range.end - range.start + 1)
        : await blob.download();
      return res.readableStreamBody as Readable;
    } catch (err) {
      if (statusOf(err) === 404) throw new StorageNotFoundError(key);
      if (statusOf(err) === 416) throw new StorageRangeError(key, (await this.stat(key))?.size ?? 0);
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const props = await this.container.getBlobClient(assertSafeKey(key)).getProperties();
      return { size: props.contentLength ?? 0 };
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.container.getBlobClient(assertSafeKey(key)).deleteIfExists({ deleteSnapshots: 'include' });
  }

  async *list(): AsyncIterable<ListedObject> {
    for await (const b of this.container.listBlobsFlat()) {
      yield {
        key: b.name,
        size: b.properties.contentLength ?? 0,
        modifiedAt: b.properties.lastModified ?? new Date(0),
      };
    }
  }

  async ping(): Promise<void> {
    await this.container.getProperties();
  }
}

/**
 * Uncommitted blocks cannot be deleted by themselves (Azure drops them after a week); committing an
 * empty block list and deleting that empty blob discards them now. Keys are never reused, so no
 * committed object is at risk. Best effort: the upload's own error is what the caller needs.
 */
async function discardStagedBlocks(blob: BlockBlobClient): Promise<void> {
  try {
    await blob.commitBlockList([], { conditions: { ifNoneMatch: '*' } });
    await blob.deleteIfExists();
  } catch {
    // Nothing was staged, or the service refused: the blocks expire on their own.
  }
}
