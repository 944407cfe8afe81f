import type { InvitationDto, InvitationStatus } from '@satchel/contracts';
import type { InvitationRow } from './invitations.repository';

export function invitationStatus(r: InvitationRow, now = Date.now()): InvitationStatus {
  if (r.acceptedAt) return 'accepted';
  if (r.revokedAt) return 'revoked';
  return r.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

/** Why a link no longer works, or null when it does. */
export function unusableReason(r: InvitationRow): 'accepted' | 'revoked' | 'expired' | null {
  const status = invitationStatus(r);
  return status === 'pending' ? null : status;
}

export function toInvitationDto(r: InvitationRow): InvitationDto {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    groups: r.groups,
    status: invitationStatus(r),
    invitedBy: r.invitedBy,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}
