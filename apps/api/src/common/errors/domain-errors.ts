import { errorCodeForStatus } from '@satchel/contracts';

/**
 * Typed domain errors. Services throw these; `ErrorFilter` maps them to HTTP in one place.
 * `extra` fields are merged into the JSON body next to `error`.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The stable machine code: the one given in `extra`, else the generic one for the status. */
  get code(): string {
    const given = this.extra['code'];
    return typeof given === 'string' ? given : this.defaultCode();
  }

  protected defaultCode(): string {
    return errorCodeForStatus(this.status);
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
}
export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(
    message: string,
    readonly field?: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, field ? { field, ...extra } : extra);
  }

  protected override defaultCode(): string {
    return 'VALIDATION_FAILED';
  }
}
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  constructor(message = 'Unauthorized', extra: Record<string, unknown> = {}) {
    super(message, extra);
  }
}
export class ForbiddenError extends DomainError {
  readonly status = 403;
}
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what = 'Resource', extra: Record<string, unknown> = {}) {
    super(`${what} not found`, extra);
  }
}
export class RequestTimeoutError extends DomainError {
  readonly status = 408;
}
export class ConflictError extends DomainError {
  readonly status = 409;
}
/** A link that worked once and no longer does (expired, used or revoked invitation or reset). */
export class GoneError extends DomainError {
  readonly status = 410;
}
export class InsufficientStorageError extends DomainError {
  readonly status = 507;
}
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
}
export class UnprocessableError extends DomainError {
  readonly status = 422;
}
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
}
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
}

/** A URL Satchel would call later (callback, events, S3 endpoint) points where the SSRF policy forbids. */
export class OutboundUrlBlockedError extends ValidationError {
  constructor(field: string, reason: string) {
    super(
      `${field} is not allowed: ${reason}. Satchel only calls public addresses; an internal deployment can allow this host or range with OUTBOUND_ALLOW.`,
      field,
      { code: 'OUTBOUND_URL_BLOCKED', reason },
    );
  }
}

/** A rate limit refused the request: `429 {"code": "RATE_LIMITED", "retryAfter": <seconds>}` + `Retry-After`. */
export class RateLimitedError extends TooManyRequestsError {
  constructor(
    readonly retryAfter: number,
    message = 'Too many requests, try again later',
  ) {
    super(message, { code: 'RATE_LIMITED', retryAfter });
  }
}

/** Too many password checks already waiting: `503 {"code": "BUSY", "retryAfter": 1}` + `Retry-After`. */
export class BusyError extends ServiceUnavailableError {
  constructor(
    readonly retryAfter: number,
    message = 'The server is busy, try again shortly',
  ) {
    super(message, { code: 'BUSY', retryAfter });
  }
}

/** Retention removed the file: `410 {"code": "FILE_EXPIRED", "expiredAt": "…"}`. */
export class FileExpiredError extends GoneError {
  constructor(expiredAt: Date) {
    super(`This file expired on ${expiredAt.toISOString().slice(0, 10)} and was removed`, {
      code: 'FILE_EXPIRED',
      expiredAt: expiredAt.toISOString(),
    });
  }
}

/** The account's storage quota would be exceeded: `507 {"code": "QUOTA_EXCEEDED", ...}`. */
export class QuotaExceededError extends InsufficientStorageError {
  constructor(quota: {
    maxBytes: number | null;
    maxFiles: number | null;
    usedBytes: number;
    usedFiles: number;
  }) {
    super('This account has used its storage quota: delete files or ask the platform owner for more', {
      code: 'QUOTA_EXCEEDED',
      ...quota,
    });
  }
}

/** Stored bytes failed their integrity check (tampered, truncated, or their key is gone): nothing is served. */
export class FileIntegrityError extends DomainError {
  readonly status = 502;
  constructor() {
    super('The stored file failed its integrity check and cannot be served', {
      code: 'FILE_INTEGRITY_ERROR',
    });
  }
}
