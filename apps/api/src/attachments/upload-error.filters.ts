import { Catch, Inject } from '@nestjs/common';
import type { ErrorResponse } from '@satchel/contracts';
import { dependencyPorts } from '../common/errors/dependency-failure';
import { ErrorFilter } from '../common/errors/error.filter';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

export const UPLOAD_FAILURE_MESSAGE = 'An error occurred while uploading file.';

/** Refusals of the end-user upload (the seed 000 contract): `{"status": "error", "message": <reason>}` with the right HTTP status. */
@Catch()
export class EndUserUploadErrorFilter extends ErrorFilter {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(dependencyPorts(config.database.url, config.redis.url));
  }

  protected override reshape(mapped: { status: number; body: ErrorResponse }) {
    const body = { status: 'error', message: mapped.body.error } as unknown as ErrorResponse;
    return { status: mapped.status, body };
  }
}

/**
 * Failures of the file stream upload (the seed 003 contract): `500`, or `404` for any problem with the upload, with
 * `{"message": "An error occurred while uploading file.", "error": <reason>}`. Authentication (401)
 * and rate limits (429) keep their status so clients can react to them.
 */
@Catch()
export class FileStreamErrorFilter extends ErrorFilter {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(dependencyPorts(config.database.url, config.redis.url));
  }

  protected override reshape(mapped: { status: number; body: ErrorResponse }) {
    const keep = mapped.status === 401 || mapped.status === 429 || mapped.status >= 500;
    return {
      status: keep ? Math.min(mapped.status, 500) : 404,
      body: { message: UPLOAD_FAILURE_MESSAGE, ...mapped.body },
    };
  }
}
