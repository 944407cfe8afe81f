import type { Readable } from 'node:stream';
import { storageFailure } from '../common/errors/dependency-failure';
import type { ByteRange, ListedObject, StorageDriver, StoredObject } from './storage.driver';

async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw storageFailure(err) ?? err;
  }
}

/**
 * Any driver, with its outages typed: an unreachable service becomes `STORAGE_UNAVAILABLE` (503) and
 * a full disk or quota `STORAGE_FULL` (507). Other errors (not found, the body's own error) pass as they are.
 */
export class FailureTypedDriver implements StorageDriver {
  readonly name: StorageDriver['name'];
  readonly ping?: () => Promise<void>;

  constructor(private readonly inner: StorageDriver) {
    this.name = inner.name;
    if (inner.ping) this.ping = inner.ping.bind(inner);
  }

  write(key: string, body: Readable, opts: { contentType: string; size?: number }): Promise<StoredObject> {
    return typed(() => this.inner.write(key, body, opts));
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    return typed(() => this.inner.read(key, range));
  }

  stat(key: string): Promise<{ size: number } | null> {
    return typed(() => this.inner.stat(key));
  }

  delete(key: string): Promise<void> {
    return typed(() => this.inner.delete(key));
  }

  /** The listing's own failures surface while iterating; the consistency check reports them. */
  list(): AsyncIterable<ListedObject> {
    return this.inner.list();
  }

  destroy(): void {
    this.inner.destroy?.();
  }
}
