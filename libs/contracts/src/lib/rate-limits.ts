/** One rate limit as an account's admin sees it. Limits are written `points/seconds`, e.g. `10/60`. */
export interface RateLimitSettingDto {
  policy: string;
  /** What is counted and under whose key. */
  counts: string;
  /** Whether this account may override it. */
  overridable: boolean;
  default: string;
  override: string | null;
  effective: string;
}

export interface RateLimitSettingsResponse {
  limits: RateLimitSettingDto[];
}

/** `PUT /v1/settings/rate-limits`: `{overrides: {upload_visitor: "100/60", message_chat: null}}` (null removes). */
export interface UpdateRateLimitsRequest {
  overrides: Record<string, string | null>;
}

/** A login lockout (too many failed logins for an email or from an IP). */
export interface LockoutDto {
  /** `email:<address>` or `ip:<address>`; clear it with `DELETE /v1/security/lockouts/:key`. */
  key: string;
  kind: 'email' | 'ip';
  subject: string;
  /** The account of the user with that email; null for IPs and unknown emails (owner only). */
  accountId: string | null;
  failures: number;
  lockedUntil: string;
  retryAfter: number;
}

export interface LockoutsResponse {
  items: LockoutDto[];
}
