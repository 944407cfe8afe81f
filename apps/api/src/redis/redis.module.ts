import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');

/** One shared ioredis client for everything that is not BullMQ or the Socket.IO adapter. */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: () => {
            const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
            const log = new Logger('Redis');
            redis.on('error', (err: Error) => log.warn(err.message));
            return redis;
          },
        },
      ],
      exports: [REDIS],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
