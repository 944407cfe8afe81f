import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RedisLocker } from './redis-locker';

describe('RedisLocker (real Redis)', () => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const prefix = `test:tus-lock:${randomUUID()}:`;
  afterAll(() => redis.quit());

  it('lets one holder at a time across lockers, and the next one in once it unlocks', async () => {
    const opts = { prefix, ttlMs: 5000, acquireTimeoutMs: 2000, pollMs: 20 };
    const first = new RedisLocker(redis, opts).newLock('u1');
    const second = new RedisLocker(redis, opts).newLock('u1');
    await first.lock(new AbortController().signal, () => undefined);
    let acquired = false;
    const waiting = second.lock(new AbortController().signal, () => undefined).then(() => (acquired = true));
    await new Promise((ok) => setTimeout(ok, 100));
    expect(acquired).toBe(false);
    await first.unlock();
    await waiting;
    expect(acquired).toBe(true);
    await second.unlock();
  });

  it('times out with 423 UPLOAD_LOCKED, and a dead holder’s lock expires after its TTL', async () => {
    const short = { prefix, ttlMs: 300, acquireTimeoutMs: 100, pollMs: 20 };
    await redis.set(`${prefix}u2`, 'a killed process', 'PX', 300);
    await expect(
      new RedisLocker(redis, short).newLock('u2').lock(new AbortController().signal, () => undefined),
    ).rejects.toMatchObject({
      status_code: 423,
      body: expect.stringContaining('UPLOAD_LOCKED'),
    });
    const patient = new RedisLocker(redis, { ...short, acquireTimeoutMs: 2000 }).newLock('u2');
    await patient.lock(new AbortController().signal, () => undefined);
    await patient.unlock();
    expect(await redis.exists(`${prefix}u2`)).toBe(0);
  });
});
