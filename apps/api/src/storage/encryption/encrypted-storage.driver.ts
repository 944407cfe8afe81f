import { randomBytes } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ByteRange, ListedObject, StorageDriver, StoredObject, WriteOptions } from '../storage.driver';
import { StorageIntegrityError, StorageNotFoundError, StorageRangeError } from '../storage.errors';
import { peekStream, primed, primedStream, slice } from './byte-streams';
import type { DataKeysRepository } from './data-keys.repository';
import type { KeyRing } from './key-ring';
import { decryptSegments, SegmentOpener, SegmentSealer } from './segment-cipher';
import {
  DEFAULT_SEGMENT_BYTES,
  encryptedSize,
  HEADER_BYTES,
  MAGIC,
  newHeader,
  parseHeader,
  plaintextSize,
  segmentCount,
  segmentOffset,
  startsWithMagic,
  type SegmentHeader,
} from './segment-format';

/**
 * Encryption at rest over any `StorageDriver`: objects are written encrypted (see segment-format.ts)
 * unless the caller passes `encrypt: false`, and read back as plaintext. Objects stored before
 * encryption (or for an account that switched it off) are recognised by their missing header and
 * served as they are; a plaintext body that happens to start like a header is encrypted anyway.
 */
export class EncryptedStorageDriver implements StorageDriver {
  readonly ping?: () => Promise<void>;

  constructor(
    readonly inner: StorageDriver,
    private readonly ring: KeyRing,
    private readonly keys: DataKeysRepository,
    private readonly segmentBytes = DEFAULT_SEGMENT_BYTES,
  ) {
    if (inner.ping) this.ping = () => inner.ping?.() ?? Promise.resolve();
  }

  get name(): StorageDriver['name'] {
    return this.inner.name;
  }

  async write(key: string, body: Readable, opts: WriteOptions): Promise<StoredObject> {
    const { head, body: source } = await peekStream(body, MAGIC.length);
    if (opts.encrypt === false && !startsWithMagic(head)) {
      const stored = await this.inner.write(key, source, opts);
      await this.keys.delete(key);
      return stored;
    }
    const dataKey = randomBytes(32);
    const master = this.ring.current;
    await this.keys.save({ storageKey: key, masterKeyId: master.id, wrapped: await master.wrap(dataKey) });
    const header = newHeader(this.segmentBytes);
    try {
      // The sealer fails with the source, and a failed write stops the source.
      const sealed = pipeline(source, new SegmentSealer(dataKey, header), () => undefined);
      const stored = await this.inner.write(key, sealed, {
        contentType: opts.contentType,
        size: opts.size === undefined ? undefined : encryptedSize(opts.size, header.segmentBytes),
      });
      return { ...stored, size: plaintextSize(stored.size, header.segmentBytes) };
    } catch (err) {
      await this.keys.delete(key).catch(() => undefined);
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) return this.readRange(key, range);
    const { head, body } = await peekStream(await this.inner.read(key), HEADER_BYTES);
    if (!startsWithMagic(head)) return body;
    try {
      const header = this.headerOf(key, head);
      const dataKey = await this.dataKey(key);
      const opts = {
        key: dataKey,
        header,
        firstIndex: 0,
        toEnd: true,
        objectKey: key,
        skipBytes: HEADER_BYTES,
      };
      return await primedStream(pipeline(body, new SegmentOpener(opts), () => undefined));
    } catch (err) {
      body.destroy();
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const found = await this.probe(key);
    if (!found) return null;
    const { size, header } = found;
    return { size: header ? plaintextSize(size, header.segmentBytes) : size };
  }

  /** False for a plaintext object; null when there is no object. */
  async isEncrypted(key: string): Promise<boolean | null> {
    const found = await this.probe(key);
    return found ? found.header !== undefined : null;
  }

  async delete(key: string): Promise<void> {
    await this.inner.delete(key);
    await this.keys.delete(key);
  }

  /** Stored objects as the backend holds them (sizes include the encryption overhead). */
  list(): AsyncIterable<ListedObject> {
    return this.inner.list();
  }

  destroy(): void {
    this.inner.destroy?.();
  }

  /** Only the segments holding `range` are read and opened. */
  private async readRange(key: string, range: ByteRange): Promise<Readable> {
    const found = await this.probe(key);
    if (!found) throw new StorageNotFoundError(key);
    const { header, size } = found;
    if (!header) return this.inner.read(key, range);
    const total = plaintextSize(size, header.segmentBytes);
    if (range.start >= total) throw new StorageRangeError(key, total);
    const end = Math.min(range.end, total - 1);
    const seg = header.segmentBytes;
    const first = Math.floor(range.start / seg);
    const last = Math.floor(end / seg);
    const dataKey = await this.dataKey(key);
    const sealed = await this.inner.read(key, {
      start: segmentOffset(first, seg),
      end: Math.min(segmentOffset(last + 1, seg), size) - 1,
    });
    const toEnd = last === segmentCount(size, seg) - 1;
    const plain = decryptSegments(sealed, { key: dataKey, header, firstIndex: first, toEnd, objectKey: key });
    return primed(slice(plain, range.start - first * seg, end - range.start + 1));
  }

  /** The stored size and, for an encrypted object, its header. */
  private async probe(key: string): Promise<{ size: number; header?: SegmentHeader } | null> {
    const st = await this.inner.stat(key);
    if (!st) return null;
    if (st.size < HEADER_BYTES) return { size: st.size };
    const head = await buffer(await this.inner.read(key, { start: 0, end: HEADER_BYTES - 1 }));
    return { size: st.size, header: startsWithMagic(head) ? this.headerOf(key, head) : undefined };
  }

  private headerOf(key: string, head: Buffer): SegmentHeader {
    const header = parseHeader(head);
    if (!header) throw new StorageIntegrityError(key, 'its header is damaged or of an unknown version');
    return header;
  }

  private async dataKey(key: string): Promise<Buffer> {
    const row = await this.keys.find(key);
    if (!row) throw new StorageIntegrityError(key, 'its data key is missing');
    const master = this.ring.find(row.masterKeyId);
    if (!master) throw new StorageIntegrityError(key, `master key "${row.masterKeyId}" is not configured`);
    try {
      return await master.unwrap(row.wrapped);
    } catch {
      throw new StorageIntegrityError(key, `its data key does not open with master key "${master.id}"`);
    }
  }
}
