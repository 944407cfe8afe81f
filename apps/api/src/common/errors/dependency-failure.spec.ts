import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DependencyUnavailableError, StorageFullError } from './dependency-errors';
import { dependencyFailure, dependencyPorts, storageFailure } from './dependency-failure';

const PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

const caught = (work: () => Promise<unknown>) =>
  work().then(
    () => undefined,
    (err: unknown) => err,
  );
const codeOf = (e: unknown) => (e as { extra?: Record<string, unknown> })?.extra?.['code'];

/** The errors real drivers throw during real outages, and what the client is told. */
describe('dependency failures', () => {
  it('PostgreSQL refusing connections is DATABASE_UNAVAILABLE when its port is known', async () => {
    const port = await closedPort();
    const err = await caught(() => new Client({ host: '127.0.0.1', port }).connect());
    const ports = dependencyPorts(`postgres://127.0.0.1:${port}/x`, 'redis://127.0.0.1:1');
    expect(codeOf(dependencyFailure(err, ports))).toBe('DATABASE_UNAVAILABLE');
    expect(dependencyFailure(err, {})).toBeUndefined();
  });

  it('a connection terminated by the server (57P01) is DATABASE_UNAVAILABLE', async () => {
    const victim = new Client({ connectionString: PG_URL });
    await victim.connect();
    victim.on('error', () => undefined);
    const pid = ((await victim.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    const err = await caught(() => victim.query('SELECT 1'));
    await victim.end().catch(() => undefined);
    expect(codeOf(dependencyFailure(err))).toBe('DATABASE_UNAVAILABLE');
  });

  it('Redis out of reach (MaxRetriesPerRequestError) is REDIS_UNAVAILABLE', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: await closedPort(), maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    const err = await caught(() => redis.get('x'));
    redis.disconnect();
    const typed = dependencyFailure(err);
    expect(typed).toBeInstanceOf(DependencyUnavailableError);
    expect(typed?.extra).toEqual({ code: 'REDIS_UNAVAILABLE', retryAfter: 5 });
  });

  it('a full device (ENOSPC from /dev/full) is STORAGE_FULL, 507', async () => {
    const err = await caught(() => writeFile('/dev/full', Buffer.alloc(1024)));
    const typed = storageFailure(err);
    expect(typed).toBeInstanceOf(StorageFullError);
    expect(typed?.status).toBe(507);
    expect(codeOf(dependencyFailure(err))).toBe('STORAGE_FULL');
  });

  it('storage refusing connections is STORAGE_UNAVAILABLE; a bug or a missing file is not an outage', async () => {
    const port = await closedPort();
    const err = await caught(() => fetch(`http://127.0.0.1:${port}/bucket/key`));
    expect(codeOf(storageFailure(err))).toBe('STORAGE_UNAVAILABLE');
    expect(storageFailure(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBeUndefined();
    expect(dependencyFailure(new TypeError('x is undefined'))).toBeUndefined();
  });
});
