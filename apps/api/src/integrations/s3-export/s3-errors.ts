import type { TestFailureReason } from '@satchel/contracts';
import { OutboundBlockedError } from '../../outbound/outbound.types';

export interface S3Failure {
  reason: TestFailureReason;
  message: string;
  retryable: boolean;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** A clear reason for an S3 failure, for the settings test and the delivery log (never includes keys). */
export function describeS3Error(err: unknown, bucket: string): S3Failure {
  const e = err as {
    name?: string;
    Code?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e?.Code ?? e?.name ?? '';
  const status = e?.$metadata?.httpStatusCode;
  if (
    err instanceof OutboundBlockedError ||
    name === 'OutboundBlockedError' ||
    e?.message?.includes('OutboundBlockedError')
  ) {
    return {
      reason: 'blocked',
      message: `The endpoint is blocked by the outbound policy: ${e.message ?? ''}`,
      retryable: false,
    };
  }
  switch (name) {
    case 'InvalidAccessKeyId':
      return {
        reason: 'bad_credentials',
        message: 'Bad credentials: the access key ID does not exist',
        retryable: true,
      };
    case 'SignatureDoesNotMatch':
      return {
        reason: 'bad_credentials',
        message: 'Bad credentials: the secret access key does not match the access key ID',
        retryable: true,
      };
    case 'NoSuchBucket':
      return { reason: 'missing_bucket', message: `The bucket "${bucket}" does not exist`, retryable: true };
    case 'AccessDenied':
    case 'AllAccessDisabled':
    case 'Forbidden':
      return {
        reason: 'access_denied',
        message: `Access denied: these keys may not write to the bucket "${bucket}"`,
        retryable: true,
      };
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
      return {
        reason: 'unknown',
        message: `The bucket "${bucket}" is in another region: check the region setting`,
        retryable: true,
      };
  }
  // The SDK may wrap a socket error into a plain Error whose message is all that is left of it.
  const code =
    e?.code ?? (NETWORK_CODES.has(name) ? name : [...NETWORK_CODES].find((c) => e?.message?.includes(c)));
  if ((code && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return {
      reason: 'unreachable',
      message: `The S3 endpoint is unreachable (${code ?? name})`,
      retryable: true,
    };
  }
  if (status === 403)
    return { reason: 'access_denied', message: `Access denied by the bucket "${bucket}"`, retryable: true };
  return {
    reason: 'unknown',
    message: `S3 error: ${name || 'Error'}${e?.message ? `: ${e.message}` : ''}`,
    retryable: true,
  };
}
