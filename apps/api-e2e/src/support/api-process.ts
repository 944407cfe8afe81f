import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase as createTestDatabase, WORKSPACE_ROOT as ROOT } from '@satchel/testing';

export {
  freePort,
  startBuiltApi as startApi,
  WORKSPACE_ROOT as ROOT,
  type BuiltApi as ApiProcess,
} from '@satchel/testing';

const MAIN = join(ROOT, 'dist/apps/api/main.js');

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'satchel-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** An empty database: the API builds its schema with its migrations at start. */
export const createDatabase = () => createTestDatabase({ prefix: 'satchel_e2e' });

/** What one or more API processes of a test share: a fresh database, data dir, secrets key and queue prefix. */
export interface Deployment {
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function freshDeployment(env: Record<string, string> = {}): Promise<Deployment> {
  const db = await createDatabase();
  const dir = tempDir();
  return {
    env: {
      DATABASE_URL: db.url,
      DATA_DIR: dir.path,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
      ...env,
    },
    remove: async () => {
      dir.remove();
      await db.drop();
    },
  };
}

/** Runs the built API to completion (for start-up failures): exit code and output. */
export function runToExit(
  env: Record<string, string>,
  timeoutMs = 30000,
): Promise<{ code: number | null; output: string }> {
  return runScript(MAIN, { PATH: process.env['PATH'] ?? '', ...env }, timeoutMs);
}

/** Runs a Node script of the workspace to completion with exactly `env`: exit code and output. */
export function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [script], { env, cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, output });
    });
  });
}
