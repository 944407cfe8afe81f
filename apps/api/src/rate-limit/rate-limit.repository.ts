import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { REDIS } from '../redis/redis.module';
import type { Limit, RateLimitPolicy } from './rate-limit.policies';

export interface Usage {
  allowed: boolean;
  consumed: number;
  msBeforeNext: number;
}

export interface LockoutRecord {
  key: string;
  kind: 'email' | 'ip';
  subject: string;
  accountId: string | null;
  failures: number;
  /** Epoch milliseconds. */
  until: number;
}

/**
 * The only place rate limits touch Redis. Counters live under `<QUEUE_PREFIX>:rl:<policy>:<seconds>:`
 * so every API process of a deployment shares them and test apps (own prefix) never see each other's.
 */
@Injectable()
export class RateLimitRepository {
  private readonly log = new Logger('RateLimit');
  private readonly limiters = new Map<string, RateLimiterRedis>();
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:rl`;
  }

  /** Takes one point. A Redis failure lets the request through (logged): limits must not cause an outage. */
  async consume(policy: RateLimitPolicy, limit: Limit, key: string): Promise<Usage> {
    try {
      const usage = await this.limiter(policy, limit).consume(key);
      return { allowed: true, consumed: usage.consumedPoints, msBeforeNext: usage.msBeforeNext };
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        return { allowed: false, consumed: err.consumedPoints, msBeforeNext: err.msBeforeNext };
      }
      this.log.warn(`rate limit ${policy} not checked: ${(err as Error).message}`);
      return { allowed: true, consumed: 0, msBeforeNext: 0 };
    }
  }

  /** The current count without taking a point (null: nothing counted in this window). */
  async peek(policy: RateLimitPolicy, limit: Limit, key: string): Promise<Usage | null> {
    try {
      const usage = await this.limiter(policy, limit).get(key);
      if (!usage) return null;
      return {
        allowed: usage.consumedPoints < limit.points,
        consumed: usage.consumedPoints,
        msBeforeNext: usage.msBeforeNext,
      };
    } catch (err) {
      this.log.warn(`rate limit ${policy} not read: ${(err as Error).message}`);
      return null;
    }
  }

  /** Gives one point back (an attempt counted in advance turned out fine). */
  async refund(policy: RateLimitPolicy, limit: Limit, key: string): Promise<void> {
    await this.limiter(policy, limit).reward(key, 1);
  }

  async reset(policy: RateLimitPolicy, limit: Limit, key: string): Promise<void> {
    await this.limiter(policy, limit).delete(key);
  }

  async saveLockout(record: LockoutRecord): Promise<void> {
    await this.redis.hset(this.lockoutsKey(), record.key, JSON.stringify(record));
  }

  /** Lockouts still in force; expired ones are dropped on the way. */
  async lockouts(now = Date.now()): Promise<LockoutRecord[]> {
    const all = Object.values(await this.redis.hgetall(this.lockoutsKey())).map(
      (v) => JSON.parse(v) as LockoutRecord,
    );
    const expired = all.filter((l) => l.until <= now).map((l) => l.key);
    if (expired.length) await this.redis.hdel(this.lockoutsKey(), ...expired);
    return all.filter((l) => l.until > now);
  }

  async deleteLockout(key: string): Promise<void> {
    await this.redis.hdel(this.lockoutsKey(), key);
  }

  private lockoutsKey(): string {
    return `${this.prefix}:lockouts`;
  }

  private limiter(policy: RateLimitPolicy, limit: Limit): RateLimiterRedis {
    const id = `${policy}:${limit.points}:${limit.seconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:${policy}:${limit.seconds}`,
        points: limit.points,
        duration: limit.seconds,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
