import { DomainError } from './domain-errors';
import { DependencyUnavailableError, StorageFullError, type Dependency } from './dependency-errors';

/** Socket-level failures: the service refused, reset, timed out or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
const SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);
/** SQLSTATE: connection exceptions (08xxx), server shutting down or starting (57P01-57P03), too many connections. */
const PG_UNAVAILABLE_STATE = /^(08\w{3}|57P0[1-3]|53300)$/;
/** node-postgres / pg-pool / TypeORM messages for a lost or unobtainable connection. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Cannot use a pool after calling end|the database system is (shutting down|starting up)/i;
/** ioredis and BullMQ messages for a lost connection (MaxRetriesPerRequestError has its own name). */
const REDIS_MESSAGES = /Connection is closed|Stream isn't writeable|max retries per request/i;
/** S3-compatible services' error names for a full bucket or account quota. */
const S3_SPACE_NAMES = new Set(['QuotaExceeded', 'XMinioStorageFull', 'StorageFull', 'InsufficientStorage']);
const AWS_NETWORK_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'NetworkingError',
  'ServiceUnavailable',
  'SlowDown',
]);

interface Failure {
  name?: string;
  message?: string;
  code?: unknown;
  port?: unknown;
  driverError?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** The error and what it wraps (TypeORM's driverError, `cause`), outermost first. */
function chain(err: unknown): Failure[] {
  const out: Failure[] = [];
  let cur = err;
  while (cur && typeof cur === 'object' && out.length < 5 && !out.includes(cur)) {
    const failure = cur as Failure;
    out.push(failure);
    cur = failure.driverError ?? failure.cause;
  }
  return out;
}

const codeOf = (f: Failure) => (typeof f.code === 'string' ? f.code : '');
const detailOf = (f: Failure) => `${f.name ?? 'Error'}: ${f.message ?? ''}`.slice(0, 300);

/** Where a failure of the storage driver comes from: out of space, unreachable, or neither (undefined). */
export function storageFailure(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return undefined;
  for (const failure of chain(err)) {
    const status = failure.$metadata?.httpStatusCode;
    if (SPACE_CODES.has(codeOf(failure)) || S3_SPACE_NAMES.has(failure.name ?? '') || status === 507)
      return new StorageFullError(detailOf(failure));
    if (
      NETWORK_CODES.has(codeOf(failure)) ||
      AWS_NETWORK_NAMES.has(failure.name ?? '') ||
      (status ?? 0) >= 500
    )
      return new DependencyUnavailableError('storage', detailOf(failure));
  }
  return undefined;
}

/** Ports of the services whose bare socket errors (ECONNREFUSED 127.0.0.1:5432) can be attributed. */
export interface DependencyPorts {
  database?: number;
  redis?: number;
}

/**
 * An unexpected error that is really an outage of PostgreSQL, Redis or storage, as the typed error to
 * answer with; undefined for anything else (a bug, answered 500). Storage errors are typed by the
 * storage layer already; this recognises driver errors that reach the filter untyped.
 */
export function dependencyFailure(err: unknown, ports: DependencyPorts = {}): DomainError | undefined {
  for (const failure of chain(err)) {
    const which = dependencyOf(failure, ports);
    if (which) return new DependencyUnavailableError(which, detailOf(failure));
    if (SPACE_CODES.has(codeOf(failure))) return new StorageFullError(detailOf(failure));
  }
  return undefined;
}

function dependencyOf(failure: Failure, ports: DependencyPorts): Dependency | undefined {
  const code = codeOf(failure);
  if (failure.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(failure.message ?? ''))
    return 'redis';
  if (PG_UNAVAILABLE_STATE.test(code) || PG_MESSAGES.test(failure.message ?? '')) return 'database';
  if (!NETWORK_CODES.has(code)) return undefined;
  if (failure.port !== undefined && failure.port === ports.redis) return 'redis';
  if (failure.port !== undefined && failure.port === ports.database) return 'database';
  return undefined;
}

/** The ports of DATABASE_URL and REDIS_URL. */
export function dependencyPorts(databaseUrl: string | undefined, redisUrl: string): DependencyPorts {
  const port = (url: string | undefined, fallback: number) => {
    if (!url) return undefined;
    try {
      return Number(new URL(url).port || fallback);
    } catch {
      return undefined;
    }
  };
  return { database: port(databaseUrl, 5432), redis: port(redisUrl, 6379) };
}
