/** Audit log action names: the API writes them, the console filters and labels them (`audit.actions.*`). */
export const AUDIT_ACTIONS = {
  upload: 'attachment.upload',
  download: 'attachment.download',
  delete: 'attachment.delete',
  settingsUpdate: 'upload-settings.update',
  allowedOriginsUpdate: 'account.allowed-origins.update',
  widgetKeyRotate: 'account.widget-key.rotate',
  appearanceUpdate: 'widget-appearance.update',
  identitySecretRotate: 'widget-identity-secret.rotate',
  userRoleChange: 'user.role.change',
  userRemove: 'user.remove',
  invitationCreate: 'invitation.create',
  invitationResend: 'invitation.resend',
  invitationRevoke: 'invitation.revoke',
  invitationAccept: 'invitation.accept',
  passwordReset: 'user.password.reset',
  ownerRecovery: 'user.password.recover',
  retentionRemove: 'retention.remove',
  retentionUpdate: 'retention.settings.update',
  retentionBulk: 'retention.bulk',
  legalHold: 'retention.legal-hold',
  consistencyRepair: 'storage.consistency.repair',
  quotaUpdate: 'storage.quota.update',
  visitorExport: 'visitor.export',
  visitorErase: 'visitor.erase',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
