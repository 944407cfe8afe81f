import type { ActorRole, UserRole } from '@satchel/contracts';

/** Who is calling: a signed-in person, an API token or a chat's visitor. */
export type Principal =
  | { kind: 'user'; role: UserRole; accountId: string; userId: string; name: string; tokenId: string }
  | { kind: 'api'; role: 'api'; accountId: string; userId: null; name: string; tokenId: string }
  | { kind: 'visitor'; role: 'visitor'; accountId: string; chatId: string; name: string; tokenId: string };

export type AllowRole = UserRole | 'api' | 'visitor';

export function isAdmin(principal: Principal): boolean {
  return principal.role === 'owner' || principal.role === 'admin';
}

export function isStaff(principal: Principal): boolean {
  return principal.kind !== 'visitor';
}

/** Whose upload rules apply: visitors have theirs; operators, admins and API clients share the operator rules. */
export function ruleRoleOf(principal: Principal): 'visitor' | 'operator' {
  return principal.kind === 'visitor' ? 'visitor' : 'operator';
}

export function actorOf(principal: Principal): { role: ActorRole; id: string | null; name: string } {
  if (principal.kind === 'user') return { role: principal.role, id: principal.userId, name: principal.name };
  if (principal.kind === 'api') return { role: 'api', id: principal.tokenId, name: principal.name };
  return { role: 'visitor', id: null, name: principal.name };
}

/** May this principal see a chat? Visitors only their own; staff any chat of their account. */
export function canAccessChat(principal: Principal, chat: { id: string; accountId: string }): boolean {
  if (chat.accountId !== principal.accountId) return false;
  return principal.kind !== 'visitor' || principal.chatId === chat.id;
}
