import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../redis/redis.module';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage.driver';

export interface ProbeResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

async function probe(work: () => Promise<unknown>): Promise<ProbeResult> {
  const started = performance.now();
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  }
}

@Injectable()
export class HealthRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  database(): Promise<ProbeResult> {
    return probe(() => this.db.query('SELECT 1'));
  }

  redisPing(): Promise<ProbeResult> {
    return probe(() => this.redis.ping());
  }

  /** Undefined for drivers without a remote service to ask (disk). */
  storagePing(): Promise<ProbeResult> | undefined {
    const ping = this.storage.ping?.bind(this.storage);
    return ping ? probe(ping) : undefined;
  }
}
