import type { UserRole } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';

/**
 * Who may change whom, per field. Pure: the callers load the rows and act on the verdict.
 *
 * - Rank: owner > admin > operator. API tokens and visitors change no user and no token.
 * - Only an owner changes an owner (any field) or grants the owner role.
 * - Admins change admins and operators of their own account; operators change only their own
 *   name, email and password.
 * - Nobody changes their own role or deactivates themselves, and the last active owner is never
 *   demoted or deactivated, so no change can lock the platform out.
 */

export const USER_FIELDS = ['name', 'email', 'password', 'role', 'active'] as const;
export type UserField = (typeof USER_FIELDS)[number];

export interface PolicyActor {
  kind: 'user' | 'api' | 'visitor';
  role: UserRole | 'api' | 'visitor';
  accountId: string;
  userId: string | null;
}

export interface PolicyTarget {
  id: string;
  accountId: string;
  role: UserRole;
  active: boolean;
}

export interface UserChange {
  name?: string;
  email?: string;
  password?: string;
  role?: UserRole;
  active?: boolean;
}

export type PolicyRefusalCode =
  | 'FORBIDDEN_ACTOR'
  | 'FORBIDDEN_ACCOUNT'
  | 'FORBIDDEN_TARGET'
  | 'FORBIDDEN_FIELD'
  | 'FORBIDDEN_ROLE'
  | 'SELF_LOCKOUT'
  | 'LAST_OWNER';

export type PolicyVerdict =
  { allowed: true } | { allowed: false; code: PolicyRefusalCode; message: string; field?: UserField };

const RANK: Record<UserRole, number> = { owner: 3, admin: 2, operator: 1 };
const ALLOWED = { allowed: true } as const;

const refuse = (code: PolicyRefusalCode, message: string, field?: UserField): PolicyVerdict => ({
  allowed: false,
  code,
  message,
  ...(field && { field }),
});

const staffRole = (a: PolicyActor): UserRole | null =>
  a.kind === 'user' && a.role in RANK ? (a.role as UserRole) : null;

/** The fields a change touches, in a stable order. */
export function changedFields(change: UserChange): UserField[] {
  return USER_FIELDS.filter((f) => change[f] !== undefined);
}

/** May `actor` apply `change` to `target`? `activeOwners` counts active owners on the platform. */
export function checkUserChange(
  actor: PolicyActor,
  target: PolicyTarget,
  change: UserChange,
  activeOwners: number,
): PolicyVerdict {
  const role = staffRole(actor);
  if (!role) return refuse('FORBIDDEN_ACTOR', 'Only signed-in staff can change users');
  if (actor.accountId !== target.accountId)
    return refuse('FORBIDDEN_ACCOUNT', "Users of another account can't be changed");
  const self = actor.userId === target.id;
  const fields = changedFields(change);
  if (change.role === 'owner' && role !== 'owner')
    return refuse('FORBIDDEN_ROLE', 'Only the platform owner can grant the owner role', 'role');
  const rankRefusal = self ? selfRefusal(role, change) : otherRefusal(role, target, fields);
  if (rankRefusal) return rankRefusal;
  return lastOwnerRefusal(target, change, activeOwners) ?? ALLOWED;
}

/** On themselves everyone may change name, email and password; role and activation never. */
function selfRefusal(role: UserRole, change: UserChange): PolicyVerdict | undefined {
  if (change.role !== undefined && change.role !== role)
    return refuse('SELF_LOCKOUT', "You can't change your own role", 'role');
  if (change.active === false) return refuse('SELF_LOCKOUT', "You can't deactivate yourself", 'active');
  return undefined;
}

function otherRefusal(role: UserRole, target: PolicyTarget, fields: UserField[]): PolicyVerdict | undefined {
  if (role === 'operator')
    return refuse('FORBIDDEN_TARGET', 'Operators can change only their own profile', fields[0]);
  if (target.role === 'owner' && role !== 'owner') {
    const field = fields[0];
    return refuse(
      'FORBIDDEN_FIELD',
      `Only the platform owner can change the owner's ${field ?? 'profile'}`,
      field,
    );
  }
  return RANK[target.role] > RANK[role]
    ? refuse('FORBIDDEN_TARGET', 'You cannot change this user')
    : undefined;
}

function lastOwnerRefusal(target: PolicyTarget, change: UserChange, activeOwners: number) {
  if (target.role !== 'owner' || !target.active || activeOwners > 1) return undefined;
  if (change.role !== undefined && change.role !== 'owner')
    return refuse('LAST_OWNER', "The last owner can't be demoted", 'role');
  if (change.active === false) return refuse('LAST_OWNER', "The last owner can't be deactivated", 'active');
  return undefined;
}

/** May `actor` create a user with `role` in `accountId`? */
export function checkUserCreate(actor: PolicyActor, accountId: string, role: UserRole): PolicyVerdict {
  const actorRole = staffRole(actor);
  if (!actorRole || actorRole === 'operator')
    return refuse('FORBIDDEN_ACTOR', 'Only admins and the owner can add users');
  if (actor.accountId !== accountId)
    return refuse('FORBIDDEN_ACCOUNT', "Users can't be added to another account");
  if (RANK[role] > RANK[actorRole])
    return refuse('FORBIDDEN_ROLE', `Only the platform owner can grant the ${role} role`, 'role');
  return ALLOWED;
}

/** May `actor` create or revoke the API tokens of `accountId`? Same order: admins and the owner. */
export function checkTokenChange(actor: PolicyActor, accountId: string): PolicyVerdict {
  const role = staffRole(actor);
  if (!role || role === 'operator')
    return refuse('FORBIDDEN_ACTOR', 'Only admins and the owner can manage API tokens');
  if (actor.accountId !== accountId)
    return refuse('FORBIDDEN_ACCOUNT', "Another account's tokens can't be changed");
  return ALLOWED;
}

/** May `actor` change the settings of `accountId` (allowed domains, widget key)? Its admins and the owner. */
export function checkAccountSettingsChange(actor: PolicyActor, accountId: string): PolicyVerdict {
  const role = staffRole(actor);
  if (!role || role === 'operator')
    return refuse('FORBIDDEN_ACTOR', "Only admins and the owner can change the account's settings");
  if (actor.accountId !== accountId)
    return refuse('FORBIDDEN_ACCOUNT', "Another account's settings can't be changed");
  return ALLOWED;
}

/** Throws the refusal as a 403 whose body names the rule (`code`) and the field. */
export function enforce(verdict: PolicyVerdict): void {
  if (verdict.allowed) return;
  throw new ForbiddenError(verdict.message, {
    code: verdict.code,
    ...(verdict.field && { field: verdict.field }),
  });
}

/** The policy's view of a request's principal. */
export function policyActorOf(principal: Principal): PolicyActor {
  return {
    kind: principal.kind,
    role: principal.role,
    accountId: principal.accountId,
    userId: principal.kind === 'user' ? principal.userId : null,
  };
}

/** May `actor` create a tenant with its first admin? Only the platform owner. */
export function checkAccountCreate(actor: PolicyActor): PolicyVerdict {
  return staffRole(actor) === 'owner'
    ? ALLOWED
    : refuse('FORBIDDEN_ACTOR', 'Only the platform owner can create accounts');
}
