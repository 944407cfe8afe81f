import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirstStartService } from '../../src/accounts/first-start.service';
import { createApp } from '../../src/app/create-app';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { trackEventHandlers } from './event-handlers';
import { createTestDatabase, type TestDatabase } from './test-db';

export const OWNER = { email: 'owner@test.local', password: 'owner-password-1' };

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  /** Base URL the app listens on, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The configuration of a test app: its own data dir and BullMQ prefix, `env` on top. */
export function testConfig(db: TestDatabase, dataDir: string, env: Record<string, string> = {}): AppConfig {
  const secretsKey = 'SECRETS_KEY' in env ? env['SECRETS_KEY'] : randomBytes(32).toString('hex');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    SECRETS_KEY: secretsKey,
    // Apps on one database (an API and its worker, two sweepers) share its master key.
    ENCRYPTION_KEYS: `test:${createHash('sha256').update(db.url).digest('base64')}`,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    ADMIN_EMAIL: OWNER.email,
    ADMIN_PASSWORD: OWNER.password,
    LOG_LEVEL: 'error',
    PORT: '0',
    ...env,
  });
}

/**
 * A real app on its own database (migrated), its own BullMQ prefix in the real Redis, its own
 * temp data dir, listening on a free loopback port. `env` overrides configuration variables.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { db?: TestDatabase } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-test-'));
  const config = testConfig(db, dataDir, env);
  const app = await createApp(config);
  trackEventHandlers(app);
  await app.get(FirstStartService).ensureOwner();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    db,
    url,
    dataDir,
    close: async () => {
      await app.close();
      if (!opts.db) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
