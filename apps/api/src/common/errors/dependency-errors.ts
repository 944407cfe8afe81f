import { DomainError, ServiceUnavailableError } from './domain-errors';

/** A service Satchel depends on, as named in a 503 body. */
export type Dependency = 'database' | 'redis' | 'storage';

const CODES = {
  database: 'DATABASE_UNAVAILABLE',
  redis: 'REDIS_UNAVAILABLE',
  storage: 'STORAGE_UNAVAILABLE',
} as const;

const MESSAGES = {
  database: 'The database is unavailable',
  redis: 'The queue and cache service (Redis) is unavailable',
  storage: 'File storage is unavailable',
} as const;

/** Seconds a client should wait before retrying after an outage of a dependency. */
export const DEPENDENCY_RETRY_AFTER_S = 5;

/**
 * A dependency did not answer (refused, reset, timed out, shutting down):
 * `503 {"code": "<DEPENDENCY>_UNAVAILABLE", "retryAfter": 5}` + `Retry-After`. Not the client's fault, not a bug.
 */
export class DependencyUnavailableError extends ServiceUnavailableError {
  constructor(
    readonly dependency: Dependency,
    readonly detail: string,
  ) {
    super(`${MESSAGES[dependency]}, try again later`, {
      code: CODES[dependency],
      retryAfter: DEPENDENCY_RETRY_AFTER_S,
    });
  }
}

/** Storage has no space left (ENOSPC, a disk quota, an S3 quota): `507 {"code": "STORAGE_FULL"}`. */
export class StorageFullError extends DomainError {
  readonly status = 507;
  constructor(readonly detail: string) {
    super('File storage is out of space: the file was not stored, try again later', {
      code: 'STORAGE_FULL',
    });
  }
}
