import { Catch, Inject } from '@nestjs/common';
import type { ErrorResponse } from '@satchel/contracts';
import { dependencyPorts } from '../common/errors/dependency-failure';
import { ErrorFilter } from '../common/errors/error.filter';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

export const SEED_003_FAILURE = 'An error occurred while uploading file.';

/** Seed 000's refusals: `{"status": "error", "message": <reason>}` with the right HTTP status. */
@Catch()
export class Seed000ErrorFilter extends ErrorFilter {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(dependencyPorts(config.database.url, config.redis.url));
  }

  protected override reshape(r: { status: number; body: ErrorResponse }) {
    return { status: r.status, body: { status: 'error', message: r.body.error } as unknown as ErrorResponse };
  }
}

/**
 * Seed 003's failures: `500`, or `404` for any problem with the upload, with
 * `{"message": "An error occurred while uploading file.", "error": <reason>}`. Authentication (401)
 * and rate limits (429) keep their status so clients can react to them.
 */
@Catch()
export class Seed003ErrorFilter extends ErrorFilter {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(dependencyPorts(config.database.url, config.redis.url));
  }

  protected override reshape(r: { status: number; body: ErrorResponse }) {
    const keep = r.status === 401 || r.status === 429 || r.status >= 500;
    return {
      status: keep ? Math.min(r.status, 500) : 404,
      body: { message: SEED_003_FAILURE, ...r.body },
    };
  }
}
