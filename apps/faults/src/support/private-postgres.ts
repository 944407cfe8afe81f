import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@satchel/testing';

const BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  /** `pg_ctl stop -m immediate`: every connection drops, as when the server crashes. */
  down(): void;
  up(): void;
  remove(): void;
}

/** As root PostgreSQL refuses to run, so the cluster belongs to the `postgres` user. */
function run(cmd: string, args: string[], owner: number | undefined): void {
  const [file, argv] =
    owner === undefined ? [cmd, args] : ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  execFileSync(file, argv, { stdio: 'pipe' });
}

/**
 * A PostgreSQL cluster of the test's own on a free loopback port (never the shared one): the test
 * may stop and start it at will.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-faults-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined;
  if (owner !== undefined) chownSync(dir, owner, owner);
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'], owner);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const up = () =>
    run(join(BIN, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'], owner);
  up();
  run(join(BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'satchel'], owner);
  const down = () => run(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], owner);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/satchel`,
    down,
    up,
    remove: () => {
      try {
        down();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
