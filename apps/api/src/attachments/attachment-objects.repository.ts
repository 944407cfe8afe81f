import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  STORAGE_DRIVER,
  type ByteRange,
  type ListedObject,
  type StorageDriver,
} from '../storage/storage.driver';

/** The only door to file bytes: writes, reads and deletes objects in the configured storage. */
@Injectable()
export class AttachmentObjectsRepository {
  private readonly log = new Logger('AttachmentObjects');

  constructor(@Inject(STORAGE_DRIVER) private readonly storage: StorageDriver) {}

  get driver(): StorageDriver['name'] {
    return this.storage.name;
  }

  async write(
    key: string,
    body: Readable,
    contentType: string,
    opts: { encrypt?: boolean } = {},
  ): Promise<void> {
    await this.storage.write(key, body, { contentType, encrypt: opts.encrypt });
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    return this.storage.read(key, range);
  }

  async exists(key: string): Promise<boolean> {
    return (await this.storage.stat(key)) !== null;
  }

  /** Every stored object (the consistency check). */
  list(): AsyncIterable<ListedObject> {
    return this.storage.list();
  }

  /** Best effort: a failure is logged (the object is orphaned, never a row without its object). */
  async remove(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.log.error(`Could not delete storage object ${key}`, (err as Error).stack);
    }
  }
}
