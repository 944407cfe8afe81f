/**
 * Every machine-readable error code the API sets, with what it means. Clients match on `code`, never on
 * the message text (which may be reworded or translated).
 */
export const ERROR_CODES = {
  BAD_REQUEST: 'The request is malformed',
  VALIDATION_FAILED: 'A field is missing or invalid (see `field`)',
  INVALID_JSON: 'The body is not valid JSON',
  INVALID_QUERY: 'A query parameter is malformed or repeated',
  INVALID_ID: 'An id in the path or body is not a valid id',
  INVALID_TEXT: 'A text field is not valid text',
  INVALID_ORIGIN: 'The Origin header is malformed',
  CONTROL_CHARACTERS: 'A field contains control characters',
  OUT_OF_RANGE: 'A number is outside its allowed range (see `min`/`max`)',
  BODY_TOO_DEEP: 'The JSON body is nested too deeply',
  SOURCE_UNAVAILABLE: 'The URL to fetch could not be fetched (see `error`)',
  OUTBOUND_URL_BLOCKED: 'A URL points where Satchel may not call (private or reserved address)',
  UNAUTHORIZED: 'No valid credentials',
  FORBIDDEN: 'The caller may not do this',
  FORBIDDEN_ROLE: 'The caller’s role may not do this',
  FORBIDDEN_FIELD: 'The caller may not change this field (see `field`)',
  FORBIDDEN_ACTOR: 'The caller may not act on this user',
  FORBIDDEN_ACCOUNT: 'The target belongs to another account',
  SELF_LOCKOUT: 'The change would lock the caller out',
  LAST_OWNER: 'The change would leave the platform without an owner',
  ORIGIN_NOT_ALLOWED: 'The widget is not allowed on this site',
  UPLOADS_DISABLED: 'File uploads are turned off for this role',
  FILE_TYPE_NOT_ALLOWED: 'The file type is not in the allowed list',
  FILE_TOO_LARGE: 'The file is larger than the limit (see `limitKb`)',
  CONTENT_MISMATCH: 'The file’s content does not match its name',
  CHECKSUM_MISMATCH: 'A resumable upload chunk does not match its Upload-Checksum; it was discarded (460)',
  UPLOAD_LOCKED: 'Another request is writing to this resumable upload; retry shortly (423)',
  DOWNLOAD_LINK_INVALID: 'The download link is forged, expired or no longer accepted',
  CHAT_CLOSED: 'The chat is closed',
  NOT_FOUND: 'The resource does not exist or is not visible to the caller',
  FILE_EXPIRED: 'Retention removed the file (see `expiredAt`); the message keeps a stub (410)',
  FILE_QUARANTINED:
    'The file was found infected (see `signature`) and is quarantined: it is never served (403)',
  FILE_SCANNING:
    'The file (a resumable upload) waits for the malware scanner’s verdict; retry once `trust.scan` changed (409)',
  ACTIVE_CONTENT_REFUSED:
    'The file holds active content (see `reason`: PDF JavaScript, macros, SVG) the account refuses',
  FILE_INTEGRITY_ERROR:
    'The stored file failed its integrity check (tampered, truncated or key missing) (502)',
  SCANNER_UNAVAILABLE:
    'The malware scanner is unreachable and the account refuses unscanned files; retry later (503)',
  SCANNER_NOT_CONFIGURED: 'No malware scanner is configured on this server (CLAMAV_URL)',
  QUOTA_EXCEEDED: 'The account’s storage quota (bytes or files) would be exceeded (507)',
  GROUP_EXISTS: 'An upload group with this name already exists',
  INVALID_AVATAR: 'The avatar is not a PNG, JPEG or WebP image within the size limit',
  LOW_CONTRAST: 'Neither white nor black text is readable on this brand colour',
  IDENTITY_NOT_VERIFIED: 'The identify() hash does not match the account’s identity secret',
  INVITATION_CLOSED: 'The invitation expired or was revoked (410)',
  INVITATION_USED: 'The invitation was already accepted (410)',
  RESET_LINK_INVALID: 'The password-reset link is unknown, used or expired',
  TOTP_REQUIRED: 'Sign-in needs the two-factor code (`totpCode`)',
  TOTP_INVALID: 'The two-factor code is wrong, expired or already used',
  TOTP_ENABLED: 'Two-factor sign-in is already set up',
  TOTP_NOT_PENDING: 'No two-factor enrolment is waiting to be confirmed',
  TOTP_REQUIRED_BY_ACCOUNT: 'The account requires two-factor sign-in: set it up first',
  CONFLICT: 'The resource is not in a state that allows this',
  GONE: 'The resource existed but is no longer available (410)',
  EMAIL_TAKEN: 'A user with this email already exists',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was used for a different request',
  REQUEST_TIMEOUT: 'The request took too long to arrive',
  UPLOAD_STALLED: 'The upload stopped sending data',
  PAYLOAD_TOO_LARGE: 'The body or a part of it is too large',
  UNSUPPORTED_MEDIA_TYPE: 'The body’s media type is not accepted',
  UNPROCESSABLE: 'The request is well-formed but cannot be carried out',
  RANGE_NOT_SATISFIABLE: 'The requested byte range is outside the file',
  RATE_LIMITED: 'Too many requests; retry after `retryAfter` seconds',
  PREVIEW_PENDING: 'The preview is still being made; retry shortly',
  PREVIEW_UNAVAILABLE: 'No preview can be made for this file (see `status`)',
  PREVIEW_MISSING: 'No preview exists for this file (yet)',
  BUSY: 'The server is busy; retry after `retryAfter` seconds',
  METRICS_FORBIDDEN: 'Metrics need the metrics token, or a request from this machine',
  SERVICE_UNAVAILABLE: 'A dependency is unavailable; retry later',
  DATABASE_UNAVAILABLE: 'PostgreSQL is unreachable; retry after `retryAfter` seconds',
  REDIS_UNAVAILABLE: 'Redis is unreachable; retry after `retryAfter` seconds',
  STORAGE_UNAVAILABLE: 'File storage is unreachable or timing out; retry after `retryAfter` seconds',
  STORAGE_FULL: 'File storage is out of space (507)',
  SHUTTING_DOWN: 'This process is shutting down; retry (another process will answer)',
  SECRET_UNREADABLE: 'A stored secret cannot be decrypted with the current SECRETS_KEY; re-enter it',
  INTERNAL_ERROR: 'An unexpected error; the `requestId` finds it in the logs',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'UNPROCESSABLE',
  410: 'GONE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
  507: 'STORAGE_FULL',
};

/** The generic code for an HTTP status, used when nothing more specific applies. */
export function errorCodeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

/** Every error response body: a readable message, a stable `code`, and optional details. */
export interface ErrorResponse {
  error: string;
  code?: string;
  field?: string;
  requestId?: string;
  [extra: string]: unknown;
}
