import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators';
import { HealthRepository, type ProbeResult } from './health.repository';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: ProbeResult;
  redis: ProbeResult;
  /** Present when the storage driver talks to a service (azure, gcs). */
  storage?: ProbeResult;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  /** 200 when PostgreSQL, Redis and the storage service answer, 503 otherwise. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [database, redis, storage] = await Promise.all([
      this.health.database(),
      this.health.redisPing(),
      this.health.storagePing(),
    ]);
    const ok = database.ok && redis.ok && (storage?.ok ?? true);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, redis, ...(storage && { storage }) };
  }
}
