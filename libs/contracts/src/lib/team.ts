import type { UserRole } from './auth';

/** Issue 21: invitations, password resets, two-factor sign-in, team settings and the email outbox. */

export interface CreateInvitationRequest {
  email: string;
  role: UserRole;
  groups?: string[];
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationDto {
  id: string;
  email: string;
  role: UserRole;
  groups: string[];
  status: InvitationStatus;
  invitedBy: string;
  expiresAt: string;
  createdAt: string;
}

/** What the accept page shows before the invitee sets a password (`GET /v1/invitations/:token`). */
export interface InvitationPreview {
  email: string;
  role: UserRole;
  accountName: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  name: string;
  password: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface TotpStatus {
  enabled: boolean;
  /** The account requires two-factor sign-in of everyone. */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TotpEnrolment {
  /** otpauth:// URI and the same as a QR code (PNG data URL). */
  uri: string;
  qrDataUrl: string;
  secret: string;
}

export interface TotpConfirmRequest {
  code: string;
}

export interface TotpConfirmResponse {
  recoveryCodes: string[];
}

export interface TeamSettingsDto {
  /** Language of the account's emails (en, de, fr, es, pt, ar; others fall back to English). */
  locale: string;
  requireTotp: boolean;
  transcriptEmails: boolean;
}

export type UpdateTeamSettingsRequest = Partial<TeamSettingsDto>;

export interface NotificationPrefsDto {
  emailWhenOffline: boolean;
}

export interface VisitorEmailRequest {
  email: string;
}

export interface MailOutboxItemDto {
  id: string;
  accountId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}
