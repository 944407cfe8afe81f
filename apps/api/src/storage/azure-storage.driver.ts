import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import type { Readable } from 'node:stream';
import { loadAzureSdk } from './azure-sdk';
import { fixedBlocks } from './fixed-blocks';
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
 * CONCURRENCY blocks of BLOCK_SIZE in flight) committed once the whole body arrived; a failed body
 * waits for the blocks already sent, then discards them.
 */
export class AzureStorageDriver implements StorageDriver {
  readonly name = 'azure' as const;

  private constructor(private readonly container: ContainerClient) {}

  /** A driver for the container; the Azure SDK is loaded here, once. */
  static async connect(options: AzureOptions): Promise<AzureStorageDriver> {
    const sdk = await loadAzureSdk();
    const service = sdk.BlobServiceClient.fromConnectionString(options.connectionString);
    return new AzureStorageDriver(service.getContainerClient(options.container));
  }

  async write(key: string, body: Readable, opts: { contentType: string }): Promise<StoredObject> {
    const blob = this.container.getBlockBlobClient(assertSafeKey(key));
    const staging = new BlockStaging(blob);
    try {
      for await (const block of fixedBlocks(body, BLOCK_SIZE)) await staging.stage(block);
      const res = await staging.commit(opts.contentType);
      return { key, size: staging.size, etag: res.etag?.replace(/"/g, '') };
    } catch (err) {
      body.destroy();
      // Blocks still on their way would be staged after the discard and linger for a week.
      await staging.settled();
      await discardStagedBlocks(blob);
      throw err;
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
    for await (const blob of this.container.listBlobsFlat()) {
      yield {
        key: blob.name,
        size: blob.properties.contentLength ?? 0,
        modifiedAt: blob.properties.lastModified ?? new Date(0),
      };
    }
  }

  async ping(): Promise<void> {
    await this.container.getProperties();
  }
}

/** At most CONCURRENCY blocks in flight; block ids in order for the final commit. */
class BlockStaging {
  private readonly ids: string[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  size = 0;

  constructor(private readonly blob: BlockBlobClient) {}

  async stage(block: Buffer): Promise<void> {
    const id = Buffer.from(String(this.ids.length).padStart(8, '0')).toString('base64');
    this.ids.push(id);
    this.size += block.length;
    const sent = this.blob.stageBlock(id, block, block.length);
    const tracked = sent.finally(() => this.inFlight.delete(tracked));
    tracked.catch(() => undefined); // answered through race/all/allSettled below
    this.inFlight.add(tracked);
    if (this.inFlight.size >= CONCURRENCY) await Promise.race(this.inFlight);
  }

  async commit(contentType: string) {
    await Promise.all(this.inFlight);
    return this.blob.commitBlockList(this.ids, { blobHTTPHeaders: { blobContentType: contentType } });
  }

  /** Every request sent has been answered, whatever the answer. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
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
