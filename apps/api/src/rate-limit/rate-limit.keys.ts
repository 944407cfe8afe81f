import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';
import type { RateLimitPolicy } from './rate-limit.policies';

function senderOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}

/**
 * Whose counter an HTTP request takes a point from, per policy; null = the policy does not apply
 * to this caller (e.g. the per-visitor limit for an operator).
 */
export function httpKeyOf(policy: RateLimitPolicy, req: Request): string | null {
  const principal = req.principal;
  switch (policy) {
    case 'login_ip':
    case 'chat_start_ip':
    case 'download_ip':
    case 'password_reset_ip':
      return req.ip ?? 'unknown';
    case 'upload_visitor':
      return principal?.kind === 'visitor' ? principal.tokenId : null;
    case 'upload_token':
    case 'chat_archive_user':
      return principal && principal.kind !== 'visitor' ? senderOf(principal) : null;
    case 'upload_account':
    case 'integration_test':
      return principal?.accountId ?? null;
    case 'message_sender':
    case 'connection':
      return principal ? senderOf(principal) : null;
    case 'message_chat': {
      const chatId = req.params['chatId'] ?? req.params['id'];
      return typeof chatId === 'string' ? chatId : null;
    }
    default:
      // Counted by services that know the key only later (login email, widget key).
      return null;
  }
}
