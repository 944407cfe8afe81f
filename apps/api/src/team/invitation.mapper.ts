import type { InvitationDto, InvitationStatus } from '@satchel/contracts';
import type { InvitationRow } from './invitations.repository';

export function invitationStatus(invitation: InvitationRow, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

/** Why a link no longer works, or null when it does. */
export function unusableReason(invitation: InvitationRow): 'accepted' | 'revoked' | 'expired' | null {
  const status = invitationStatus(invitation);
  return status === 'pending' ? null : status;
}

export function toInvitationDto(invitation: InvitationRow): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    groups: invitation.groups,
    status: invitationStatus(invitation),
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
