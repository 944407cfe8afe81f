import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';

/** Socket.IO over the Redis adapter, so rooms span every API process. */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  private readonly connectTimeoutMs: number;

  constructor(app: INestApplicationContext, config: AppConfig) {
    super(app);
    this.pub = new Redis(config.redis.url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    this.key = `${config.redis.queuePrefix}:socket.io`;
    this.connectTimeoutMs = config.realtime.connectTimeoutMs;
    const log = new Logger('Realtime');
    // ioredis reconnects by itself; without a listener every failed attempt is an "unhandled error".
    for (const client of [this.pub, this.sub])
      client.on('error', (err: Error) => log.warn(`Redis: ${err.message}`));
  }

  private readonly key: string;

  override createIOServer(port: number, options?: ServerOptions): Server {
    // connectTimeout: a connection that joins no namespace (never sent valid auth) is closed.
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 1e6,
      connectTimeout: this.connectTimeoutMs,
    }) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
