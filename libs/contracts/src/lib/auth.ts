export const ROLES = ['owner', 'admin', 'operator'] as const;
export type UserRole = (typeof ROLES)[number];

/** Who did something: a person, an API token, a visitor or the chatbot. */
export const ACTOR_ROLES = [...ROLES, 'api', 'visitor', 'bot', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface LoginRequest {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, for users with two-factor sign-in (see `TOTP_REQUIRED`). */
  totpCode?: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: UserDto;
  /** The account requires two-factor sign-in and this user has not enrolled yet. */
  totpEnrolmentRequired?: boolean;
}

export interface MeResponse {
  role: ActorRole;
  user: UserDto | null;
  account: AccountDto | null;
}

export interface UserDto {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  /** `owner` only when the caller is the platform owner (else 403 `FORBIDDEN_ROLE`). */
  role: UserRole;
  password: string;
}

/** Who may change which field is decided by `user-change-policy.ts` (403 with `code` and `field`). */
export interface UpdateUserRequest {
  name?: string;
  email?: string;
  role?: UserRole;
  active?: boolean;
  password?: string;
}

export interface AccountDto {
  id: string;
  name: string;
  widgetKey: string;
  /** Origins whose pages may use the widget (`https://shop.example.com`, `https://*.example.com`); empty = any. */
  allowedOrigins: string[];
  /** The language its messages and document texts are searched in (stemming, stop words). */
  searchLanguage: SearchLanguage;
  createdAt: string;
}

/**
 * PostgreSQL text search configurations an account can choose: 'simple' matches words as typed
 * (any language), the others stem (`invoices` finds "invoice" and "invoiced") and skip stop words.
 */
export const SEARCH_LANGUAGES = [
  'simple',
  'english',
  'german',
  'french',
  'spanish',
  'portuguese',
  'italian',
  'dutch',
] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** `PATCH /v1/account` (admins). */
export interface UpdateAccountRequest {
  allowedOrigins?: string[];
  /** Changing it re-indexes the account's messages and document texts in the background. */
  searchLanguage?: SearchLanguage;
}

/** Refusal code of widget requests and sockets from an origin the account does not list. */
export const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED';

export interface CreateAccountRequest {
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  last4: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiTokenRequest {
  name: string;
}

/** The secret `token` is returned once, on creation only. */
export interface CreatedApiTokenResponse extends ApiTokenDto {
  token: string;
}
