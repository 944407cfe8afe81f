import {
  BadRequestError,
  ForbiddenError,
  PayloadTooLargeError,
  RequestTimeoutError,
  UnsupportedMediaTypeError,
  type DomainError,
} from '../../common/errors/domain-errors';
import type { EffectiveUploadRule } from '@satchel/contracts';
import { describeDecision, type RuleViolation } from '@satchel/domain';

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

const FIELD = { disabled: 'enabled', type: 'allowedTypes', size: 'maxSizeKb' } as const;

/**
 * A rule violation as the HTTP error the issue asks for: disabled 403, type 415, size 413. With the
 * uploader's rule, the body also says which level set it (`decidedBy`, `explanation`).
 */
export function ruleError(
  violation: RuleViolation,
  file: string,
  limitKb: number,
  rule?: EffectiveUploadRule,
): DomainError {
  const decidedBy = rule?.decidedBy?.[FIELD[violation.code]];
  const why = decidedBy
    ? {
        decidedBy,
        explanation: `${violation.message} (set by ${describeDecision(decidedBy, rule?.role ?? 'operator')})`,
      }
    : {};
  switch (violation.code) {
    case 'disabled':
      return new ForbiddenError(violation.message, { code: 'UPLOADS_DISABLED', ...why });
    case 'type':
      return new UnsupportedMediaTypeError(violation.message, {
        code: 'FILE_TYPE_NOT_ALLOWED',
        file,
        ...why,
      });
    case 'size':
      return new PayloadTooLargeError(violation.message, { code: 'FILE_TOO_LARGE', file, limitKb, ...why });
  }
}
