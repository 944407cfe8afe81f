import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ActorContext } from '../../audit/audit.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { REDIS } from '../../redis/redis.module';

/**
 * Who created each tus upload, kept in Redis for as long as the upload may live: the completion
 * sweep records an upload whose process died after its last byte as the person who sent it.
 */
@Injectable()
export class TusActorsRepository {
  private readonly prefix: string;
  private readonly ttlMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:tus-actor:`;
    // Twice the expiry: a completed upload outlives its creation's expiry until it is recorded.
    this.ttlMs = 2 * config.tus.expirySeconds * 1000;
  }

  async save(id: string, ctx: ActorContext): Promise<void> {
    await this.redis.set(this.prefix + id, JSON.stringify(ctx), 'PX', this.ttlMs);
  }

  async find(id: string): Promise<ActorContext | null> {
    const raw = await this.redis.get(this.prefix + id);
    return raw ? (JSON.parse(raw) as ActorContext) : null;
  }

  async forget(id: string): Promise<void> {
    await this.redis.del(this.prefix + id);
  }
}
