import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, freePort, waitFor, type TestDatabase } from '@satchel/testing';
import { API_ENV, API_MAIN, API_NODE_ARGS } from './api-process';
import { LOG_DIR, WORKSPACE_ROOT } from './paths';

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

export interface ApiServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  db: TestDatabase;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

const MAIN = join(WORKSPACE_ROOT, API_MAIN);

/**
 * The BUILT API launched the way `npm start` does (`tools/scripts/api-process.mjs`: same node flags,
 * cwd the workspace root, the default relative STATIC_ROOT) on a fresh database, its own data dir and
 * queue prefix, on a free loopback port. Its output goes to test-output/logs/<name>.log.
 */
export async function startApiServer(name: string, env: Record<string, string> = {}): Promise<ApiServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx nx run api:build)`);
  const db = await createDatabase({ prefix: 'satchel_e2e' });
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-e2e-'));
  const port = await freePort();
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...API_NODE_ARGS, API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...API_ENV,
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tmpdir(),
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      QUEUE_PREFIX: `e2e${randomBytes(5).toString('hex')}`,
      OUTBOUND_ALLOW: '127.0.0.1',
      CALLBACK_RETRY_SCHEDULE: '1s,1s',
      CALLBACK_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const stop = async () => {
    await killChild(child, exited);
    log.end();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitFor('the API /health', async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 90000),
      exited.then((code) => {
        throw new Error(`The API exited with code ${code} before it was ready: see ${logFile}`);
      }),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, db, dataDir, logFile, stop };
}

async function killChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}
