/**
 * How users end a person's sessions (deactivation, password change) without depending on auth:
 * auth provides this under `USER_SESSIONS` (its TokensService).
 */
export interface UserSessionsPort {
  revokeUserSessions(userId: string): Promise<void>;
}

export const USER_SESSIONS = Symbol('USER_SESSIONS');
