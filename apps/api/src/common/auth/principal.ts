import type { ActorRole, UserRole } from '@satchel/contracts';

/** Who is calling: a signed-in person, an API token or a chat's visitor. */
export type Principal =
  | { kind: 'user'; role: UserRole; accountId: string; userId: string; name: string; tokenId: string }
  | { kind: 'api'; role: 'api'; accountId: string; userId: null; name: string; tokenId: string }
  | { kind: 'visitor'; role: 'visitor'; accountId: string; chatId: string; name: string; tokenId: string };

export type AllowRole = UserRole | 'api' | 'visitor';

export function isAdmin(p: Principal): boolean {
  return p.role === 'owner' || p.role === 'admin';
}

export function isStaff(p: Principal): boolean {
  return p.kind !== 'visitor';
}

/** Whose upload rules apply: visitors have theirs; operators, admins and API clients share the operator rules. */
export function ruleRoleOf(p: Principal): 'visitor' | 'operator' {
  return p.kind === 'visitor' ? 'visitor' : 'operator';
}

export function actorOf(p: Principal): { role: ActorRole; id: string | null; name: string } {
  if (p.kind === 'user') return { role: p.role, id: p.userId, name: p.name };
  if (p.kind === 'api') return { role: 'api', id: p.tokenId, name: p.name };
  return { role: 'visitor', id: null, name: p.name };
}

/** May this principal see a chat? Visitors only their own; staff any chat of their account. */
export function canAccessChat(p: Principal, chat: { id: string; accountId: string }): boolean {
  if (chat.accountId !== p.accountId) return false;
  return p.kind !== 'visitor' || p.chatId === chat.id;
}
