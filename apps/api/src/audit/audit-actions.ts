export { AUDIT_ACTIONS, type AuditAction } from '@satchel/contracts';
