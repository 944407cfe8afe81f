import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { encryptedDriver } from '../storage.module';
import { DataKeysRepository } from './data-keys.repository';
import { encryptExisting, rewrapDataKeys } from './encryption-commands';
import { masterKeyRing } from './master-keys';

export const ENCRYPTION_COMMANDS = ['--rewrap-keys', '--encrypt-existing'] as const;
export type EncryptionCommand = (typeof ENCRYPTION_COMMANDS)[number];

export function encryptionCommandOf(argv: string[]): EncryptionCommand | undefined {
  return ENCRYPTION_COMMANDS.find((c) => argv.includes(c));
}

/**
 * `node main.js --rewrap-keys`: every data key wrapped under the current (first) master key, so older
 * keys can be removed. `--encrypt-existing`: plaintext files of accounts with encryption on get
 * encrypted. Both print what they did and can be run again safely.
 */
export async function runEncryptionCommand(config: AppConfig, command: EncryptionCommand): Promise<string> {
  const db = await new DataSource(dataSourceOptions(config.database.url as string)).initialize();
  const driver = await encryptedDriver(config, db);
  try {
    if (command === '--rewrap-keys') {
      const ring = await masterKeyRing(config);
      const rewrapped = await rewrapDataKeys(ring, new DataKeysRepository(db));
      return `Re-wrapped ${rewrapped} data keys under master key "${ring.current.id}"`;
    }
    return `Encrypted ${await encryptExisting(driver, db)} stored files`;
  } finally {
    driver.destroy();
    await db.destroy();
  }
}
