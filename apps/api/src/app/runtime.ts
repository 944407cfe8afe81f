import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKey, type AppConfig } from '../config/app-config';
import { writeOnce } from '../config/write-once';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { assertRedisReachable } from '../redis/redis-check';
import { checkMasterKeysAtStart } from '../storage/encryption/master-keys';

export interface Runtime {
  config: AppConfig;
  embedded?: EmbeddedDatabase;
}

/** Development convenience: without SECRETS_KEY, a key is generated once under DATA_DIR. */
function localSecretsKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secrets.key');
  if (existsSync(file)) {
    const key = decodeKey(readFileSync(file, 'utf8').trim());
    if (key) return key;
    rmSync(file, { force: true }); // unreadable: replaced by a new one, as before
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  const stored = writeOnce(file, key.toString('hex'));
  if (stored !== key.toString('hex')) return decodeKey(stored.trim()) ?? key;
  new Logger('Config').warn(
    `SECRETS_KEY is not set: generated one in ${file} (set SECRETS_KEY in production)`,
  );
  return key;
}

/** Resolves what the config leaves open (database, secrets key), checks Redis, migrates the schema. */
export async function prepareRuntime(config: AppConfig): Promise<Runtime> {
  await assertRedisReachable(config.redis.url);
  const embedded = config.database.url
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort);
  const resolved: AppConfig = {
    ...config,
    database: { ...config.database, url: config.database.url ?? embedded?.url },
    secretsKey: config.secretsKey ?? localSecretsKey(config.dataDir),
  };
  const applied = await runMigrations(resolved.database.url as string);
  if (applied.length) new Logger('Migrations').log(`Applied: ${applied.join(', ')}`);
  await checkMasterKeysAtStart(resolved, resolved.database.url as string);
  return { config: resolved, embedded };
}
