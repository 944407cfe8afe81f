import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators';
import { Drain } from './drain';
import { HealthRepository, type ProbeResult } from './health.repository';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: ProbeResult;
  redis: ProbeResult;
  /** Present when the storage driver talks to a service (azure, gcs). */
  storage?: ProbeResult;
}

export interface ReadinessResponse {
  ready: boolean;
  reason?: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthRepository,
    private readonly drain: Drain,
  ) {}

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

  /** Liveness: 200 while the process serves HTTP at all; dependencies are readiness's business. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 from the moment shutdown starts, or while a dependency is down; 200 otherwise. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    if (this.drain.isDraining) {
      res.status(503);
      return { ready: false, reason: 'shutting down' };
    }
    const health = await this.check(res);
    const down = (['database', 'redis', 'storage'] as const).filter((k) => health[k] && !health[k].ok);
    return down.length ? { ready: false, reason: `${down.join(', ')} down` } : { ready: true };
  }
}
