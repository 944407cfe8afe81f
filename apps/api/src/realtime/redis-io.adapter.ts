import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Socket.IO over the Redis adapter, so rooms span every API process. */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(app: INestApplicationContext, redisUrl: string, keyPrefix: string) {
    super(app);
    this.pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    this.key = `${keyPrefix}:socket.io`;
    const log = new Logger('Realtime');
    // ioredis reconnects by itself; without a listener every failed attempt is an "unhandled error".
    for (const client of [this.pub, this.sub])
      client.on('error', (err: Error) => log.warn(`Redis: ${err.message}`));
  }

  private readonly key: string;

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: 1e6 }) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
