import { randomUUID } from 'node:crypto';
import type { Principal } from '../common/auth/principal';

/** Generated storage keys: never derived from a user's file name. */
export function chatObjectKey(accountId: string, chatId: string): string {
  return `accounts/${accountId}/chats/${chatId}/${randomUUID()}`;
}

/**
 * A preview rendition, next to its file: named by a digest of its own bytes, so a URL's content
 * never changes (cached immutably) and a re-render gets a new key.
 */
export function previewObjectKey(fileKey: string, size: string, digest: string): string {
  return `${fileKey}.preview-${size}-${digest}.webp`;
}

export const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Where the simple upload puts its file (seed 001's layout): `chat/session-{session_id}/` when a session
 * id is given, else `chat/store-{accountId}/` for account (API) tokens, `chat/admin-{userId}/` for the
 * platform owner, otherwise `chat/general/`. `sessionId` must already match SESSION_ID.
 */
export function simpleUploadKey(principal: Principal, sessionId: string | undefined, ext: string): string {
  const file = `${randomUUID()}.${ext}`;
  if (sessionId) return `chat/session-${sessionId}/${file}`;
  if (principal.kind === 'api') return `chat/store-${principal.accountId}/${file}`;
  if (principal.kind === 'user' && principal.role === 'owner')
    return `chat/admin-${principal.userId}/${file}`;
  return `chat/general/${file}`;
}

/** A file that belongs to no chat (seed 000 without `chat_id`). */
export function accountObjectKey(accountId: string): string {
  return `accounts/${accountId}/uploads/${randomUUID()}`;
}
