import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { tusRefusal, type TusRefusal } from './tus-errors';
import type { Lock, Locker, RequestRelease } from './tus-modules';

const RELEASE_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export interface RedisLockerOptions {
  prefix: string;
  /** A lock whose holder died (a killed process) expires after this; holders renew it well before. */
  ttlMs: number;
  acquireTimeoutMs: number;
  pollMs?: number;
}

/**
 * tus locks shared by every API process: a resumed upload may reach another process while the
 * request that was cut is still being torn down on the first. A key per upload (`SET NX PX`),
 * renewed while held, released only by its owner.
 */
export class RedisLocker implements Locker {
  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisLockerOptions,
  ) {}

  newLock(id: string): Lock {
    return new RedisLock(this.redis, `${this.opts.prefix}${id}`, this.opts);
  }
}

class RedisLock implements Lock {
  private readonly token = randomUUID();
  private renewTimer?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly opts: RedisLockerOptions,
  ) {}

  async lock(stopSignal: AbortSignal, _requestRelease?: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.opts.acquireTimeoutMs;
    while (!(await this.tryAcquire())) {
      if (stopSignal.aborted || Date.now() > deadline) throw lockTimeout();
      await new Promise((ok) => setTimeout(ok, this.opts.pollMs ?? 100));
    }
    this.renewTimer = setInterval(() => void this.renew(), Math.floor(this.opts.ttlMs / 3));
    this.renewTimer.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewTimer);
    await this.redis.eval(RELEASE_IF_OWNER, 1, this.key, this.token);
  }

  private async tryAcquire(): Promise<boolean> {
    return (await this.redis.set(this.key, this.token, 'PX', this.opts.ttlMs, 'NX')) === 'OK';
  }

  private async renew(): Promise<void> {
    await this.redis.eval(RENEW_IF_OWNER, 1, this.key, this.token, this.opts.ttlMs).catch(() => undefined);
  }
}

function lockTimeout(): TusRefusal {
  return tusRefusal(423, 'The upload is locked by another request', { code: 'UPLOAD_LOCKED' });
}
