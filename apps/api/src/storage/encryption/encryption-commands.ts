import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { DataKeysRepository } from './data-keys.repository';
import type { EncryptedStorageDriver } from './encrypted-storage.driver';
import type { KeyRing } from './key-ring';
import { MasterKeyError } from './master-keys';

const BATCH = 500;

/** Re-wraps every data key not wrapped by the current master key; objects are not touched. */
export async function rewrapDataKeys(ring: KeyRing, keys: DataKeysRepository): Promise<number> {
  const current = ring.current;
  let after = '';
  let done = 0;
  for (;;) {
    const batch = await keys.wrappedByOthers(current.id, after, BATCH);
    if (batch.length === 0) return done;
    for (const old of batch) {
      const master = ring.find(old.masterKeyId);
      if (!master)
        throw new MasterKeyError(
          `master key "${old.masterKeyId}" is needed to re-wrap and is not configured`,
        );
      const wrapped = await current.wrap(await master.unwrap(old.wrapped));
      if (await keys.rewrap(old, { storageKey: old.storageKey, masterKeyId: current.id, wrapped })) done++;
    }
    after = batch[batch.length - 1].storageKey;
  }
}

interface PlainRow {
  id: string;
  storage_key: string;
  content_type: string;
  small_key: string | null;
  large_key: string | null;
}

/**
 * Encrypts the objects (and previews) of attachments stored in plaintext, for accounts that keep
 * encryption at rest on. Each object is copied to a local temp file first, then written back
 * encrypted under the same key (an atomic replace on every driver).
 */
export async function encryptExisting(driver: EncryptedStorageDriver, db: DataSource): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<PlainRow[]>(
      `SELECT a.id, a.storage_key, a.content_type, p.small_key, p.large_key
         FROM attachments a
         LEFT JOIN trust_settings s ON s.account_id = a.account_id
         LEFT JOIN attachment_previews p ON p.attachment_id = a.id
        WHERE a.encrypted = false AND coalesce(s.encryption_at_rest, true) AND a.id > $1
        ORDER BY a.id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) return done;
    for (const row of rows) {
      await encryptObject(driver, row.storage_key, row.content_type);
      for (const preview of [row.small_key, row.large_key])
        if (preview) await encryptObject(driver, preview, 'image/webp');
      await db.query('UPDATE attachments SET encrypted = true WHERE id = $1', [row.id]);
      done++;
    }
    after = rows[rows.length - 1].id;
  }
}

async function encryptObject(
  driver: EncryptedStorageDriver,
  key: string,
  contentType: string,
): Promise<void> {
  if ((await driver.isEncrypted(key)) !== false) return;
  const temp = join(tmpdir(), `satchel-encrypt-${randomUUID()}`);
  try {
    await pipeline(await driver.read(key), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    await driver.write(key, createReadStream(temp), { contentType, encrypt: true });
  } finally {
    await rm(temp, { force: true });
  }
}
