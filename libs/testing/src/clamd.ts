import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The EICAR anti-virus test file, assembled at run time so no file in the repository trips a
 * scanner. It is harmless by design: every scanner recognises it as a test.
 */
export function eicar(): Buffer {
  const parts = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'];
  return Buffer.from(parts.join(''));
}

export const EICAR_SIGNATURE = 'Satchel-Test-EICAR.UNOFFICIAL';

export interface TestClamd {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end('zPING\0');
    });
    socket.on('data', (d) => {
      resolve(d.toString().startsWith('PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A real clamd (Debian's clamav-daemon) on a free loopback port, with its own config and a custom
 * signature database holding only the EICAR test file (`sigtool --md5`, as `.hdb`): no signature
 * download is possible here, and none is needed to test the integration.
 */
export async function startClamd(fixedPort?: number): Promise<TestClamd> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-clamd-'));
  const db = join(dir, 'db');
  mkdirSync(db);
  const sample = eicar();
  const md5 = createHash('md5').update(sample).digest('hex');
  // The .hdb line sigtool --md5 would print: md5:size:name.
  writeFileSync(
    join(db, 'custom.hdb'),
    `${md5}:${sample.length}:${EICAR_SIGNATURE.replace('.UNOFFICIAL', '')}\n`,
  );
  const port = fixedPort ?? (await freePort());
  const conf = join(dir, 'clamd.conf');
  writeFileSync(
    conf,
    [
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${db}`,
      'Foreground yes',
      `PidFile ${join(dir, 'clamd.pid')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      'StreamMaxLength 200M',
      'MaxFileSize 200M',
      'MaxScanSize 200M',
      'MaxThreads 2',
      'User root',
    ].join('\n') + '\n',
  );
  const child: ChildProcess = spawn('clamd', ['-c', conf], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    if (await answers(port)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exited || !(await answers(port))) {
    const log = spawnSync('cat', [join(dir, 'clamd.log')]).stdout?.toString() ?? '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`clamd did not start:\n${log}`);
  }
  return {
    url: `tcp://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
