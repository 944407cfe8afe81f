import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseMasterKeys, type AppConfig } from '../../config/app-config';
import { writeOnce } from '../../config/write-once';
import { dataSourceOptions } from '../../database/data-source-options';
import { DataKeysRepository } from './data-keys.repository';
import { KeyRing } from './key-ring';
import { KmsMasterKey } from './kms-master-key';
import { LocalMasterKey, type MasterKey } from './master-key';

/** A stored or configured master key that cannot be used: the start stops with this message. */
export class MasterKeyError extends Error {
  constructor(message: string) {
    super(`ENCRYPTION_KEYS: ${message}`);
    this.name = 'MasterKeyError';
  }
}

/** Development convenience, like `secrets.key`: without ENCRYPTION_KEYS a key is generated once under DATA_DIR. */
function localMasterKeys(dataDir: string): { id: string; key: Buffer }[] {
  const file = join(dataDir, 'encryption.keys');
  if (existsSync(file)) return parseMasterKeys(readFileSync(file, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const entry = `dev-${Date.now().toString(36)}:${randomBytes(32).toString('base64')}`;
  const stored = writeOnce(file, entry);
  if (stored !== entry) return parseMasterKeys(stored.trim());
  new Logger('Config').warn(
    `ENCRYPTION_KEYS is not set: generated a master key in ${file} (set ENCRYPTION_KEYS in production)`,
  );
  return parseMasterKeys(entry);
}

/** The configured master keys, KMS first when `ENCRYPTION_KMS_KEY_ID` is set. */
export async function masterKeyRing(config: AppConfig): Promise<KeyRing> {
  const { keys, kms } = config.encryption;
  const local: MasterKey[] = (keys ?? (kms ? [] : localMasterKeys(config.dataDir))).map(
    (k) => new LocalMasterKey(k.id, k.key),
  );
  const remote = kms ? [await KmsMasterKey.connect(kms)] : [];
  return new KeyRing([...remote, ...local]);
}

/**
 * Refuses to start with a key that differs from the one stored under its id before (a typo, the
 * wrong environment), or without a key that wrapped stored data keys (they would not open).
 * Then remembers the check value of every configured key.
 */
export async function verifyMasterKeys(ring: KeyRing, keys: DataKeysRepository): Promise<void> {
  const known = await keys.checkValues();
  for (const key of ring.all) {
    const stored = known.get(key.id);
    if (stored !== undefined && stored !== (await key.checkValue()))
      throw new MasterKeyError(
        `master key "${key.id}" is not the key stored files were encrypted with under that id; restore the original key`,
      );
  }
  const missing = (await keys.masterKeyIdsInUse()).filter((id) => !ring.find(id));
  if (missing.length)
    throw new MasterKeyError(
      `stored files are encrypted with master key ${missing.map((id) => `"${id}"`).join(', ')}, which is not configured; keep it listed (after the current key) until the rewrap command has run`,
    );
  for (const key of ring.all) await keys.rememberCheckValue(key.id, await key.checkValue());
}

/** The start-up check on its own connection, before the app is built (a clear message, exit 1). */
export async function checkMasterKeysAtStart(config: AppConfig, url: string): Promise<void> {
  const db = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await verifyMasterKeys(await masterKeyRing(config), new DataKeysRepository(db));
  } finally {
    await db.destroy();
  }
}
