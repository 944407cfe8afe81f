import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER } from './http';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

/** A private PostgreSQL and Redis, a data dir and the environment of an API process using them. */
export interface FaultDeployment {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  dataDir: string;
  env: Record<string, string>;
  /** Files left in the upload temp folders (spool and the disk driver's .tmp). */
  tempFiles(): string[];
  remove(): Promise<void>;
}

export async function faultDeployment(env: Record<string, string> = {}): Promise<FaultDeployment> {
  const [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-faults-'));
  const files = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
      : [];
  return {
    pg,
    redis,
    dataDir,
    env: {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `f${randomBytes(4).toString('hex')}`,
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      ...env,
    },
    tempFiles: () => [
      ...files(join(dataDir, 'tmp', 'uploads')),
      ...files(join(env['STORAGE_PATH'] ?? join(dataDir, 'files'), '.tmp')),
    ],
    remove: async () => {
      pg.remove();
      await redis.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
