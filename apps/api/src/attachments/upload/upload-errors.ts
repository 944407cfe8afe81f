import {
  BadRequestError,
  ForbiddenError,
  PayloadTooLargeError,
  RequestTimeoutError,
  UnsupportedMediaTypeError,
  type DomainError,
} from '../../common/errors/domain-errors';
import type { RuleViolation } from '@satchel/domain';

/** The client closed the connection before the body was complete. Nobody is left to answer. */
export class ClientAbortedError extends BadRequestError {
  constructor() {
    super('The client aborted the upload');
  }
}

/** The body (nearly) stopped arriving for the stall timeout: the upload is cut and the connection closed. */
export class UploadStalledError extends RequestTimeoutError {
  constructor(stallMs: number) {
    super(`The upload stalled: too little data arrived in ${stallMs} ms`, { code: 'UPLOAD_STALLED' });
  }
}

/** A rule violation as the HTTP error the issue asks for: disabled 403, type 415, size 413. */
export function ruleError(v: RuleViolation, file: string, limitKb: number): DomainError {
  switch (v.code) {
    case 'disabled':
      return new ForbiddenError(v.message, { code: 'UPLOADS_DISABLED' });
    case 'type':
      return new UnsupportedMediaTypeError(v.message, { code: 'FILE_TYPE_NOT_ALLOWED', file });
    case 'size':
      return new PayloadTooLargeError(v.message, { code: 'FILE_TOO_LARGE', file, limitKb });
  }
}
