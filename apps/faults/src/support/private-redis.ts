import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '@satchel/testing';

export interface PrivateRedis {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** FLUSHALL: Redis restarted without persistence, or someone wiped it. */
  flushAll(): Promise<void>;
  remove(): Promise<void>;
}

function waitForPing(url: string): Promise<void> {
  return new Promise((ok, fail) => {
    const client = new Redis(url, {
      maxRetriesPerRequest: null,
      retryStrategy: () => 50,
      lazyConnect: false,
    });
    const timer = setTimeout(() => {
      client.disconnect();
      fail(new Error(`redis-server on ${url} did not answer`));
    }, 10000);
    client.ping().then(
      () => {
        clearTimeout(timer);
        client.disconnect();
        ok();
      },
      () => undefined,
    );
  });
}

/** A redis-server of the test's own on a free loopback port, without persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const up = async () => {
    child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitForPing(url);
  };
  const down = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise((ok) => {
      c.once('exit', ok);
      c.kill('SIGKILL');
    });
  };
  await up();
  return {
    url,
    up,
    down,
    flushAll: async () => {
      const client = new Redis(url);
      await client.flushall();
      client.disconnect();
    },
    remove: down,
  };
}
