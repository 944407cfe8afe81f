/** Kinds a retention policy can treat differently (from the detected content type). */
export const FILE_KINDS = ['image', 'video', 'audio', 'document'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Whose upload: visitors, or staff (operators, admins, API clients). */
export const RETENTION_ROLES = ['visitor', 'operator'] as const;
export type RetentionRole = (typeof RETENTION_ROLES)[number];

/**
 * An account's retention policy: `days: null` and no overrides keeps files forever (the default).
 * A kind or role override wins over `days`; when both apply, the shorter one.
 */
export interface RetentionPolicy {
  days: number | null;
  byKind?: Partial<Record<FileKind, number>>;
  byRole?: Partial<Record<RetentionRole, number>>;
  /** Only files of closed chats expire. */
  closedChatsOnly?: boolean;
}

/** `GET|PUT /v1/settings/retention`. */
export interface RetentionSettingsDto extends RetentionPolicy {
  /** A legal hold on the whole account suspends every deletion by retention. */
  legalHold: boolean;
  /** The platform's maximum (`RETENTION_MAX_DAYS`): applies even when the account keeps files forever. */
  maxDays: number | null;
}

export type UpdateRetentionSettings = Partial<RetentionPolicy> & { legalHold?: boolean };

/** `POST /v1/settings/retention/dry-run`: what a policy would remove now. */
export interface RetentionDryRunDto {
  files: number;
  bytes: number;
}

/** Admin file views (`GET /v1/retention/files?view=`). */
export const RETENTION_VIEWS = ['expiring', 'expired', 'unused', 'orphaned'] as const;
export type RetentionView = (typeof RETENTION_VIEWS)[number];

export interface RetentionFileDto {
  id: string;
  chatId: string | null;
  name: string;
  size: number;
  contentType: string;
  createdAt: string;
  /** When the policy removes it (expiring), or when it was removed (expired). */
  expiresAt: string | null;
  expiredAt: string | null;
  expiryReason: string | null;
  legalHold: boolean;
}

export interface RetentionViewDto {
  view: RetentionView;
  count: number;
  bytes: number;
  items: RetentionFileDto[];
}

export interface RetentionSummaryDto {
  views: Record<RetentionView, { count: number; bytes: number }>;
  byKind: Record<FileKind, { count: number; bytes: number }>;
  /** Storage used per day (the last 90 days recorded by the sweep, oldest first). */
  usage: { day: string; bytes: number; files: number }[];
  quota: StorageQuotaDto;
}

export const RETENTION_BULK_ACTIONS = ['delete', 'extend', 'hold', 'release'] as const;
export type RetentionBulkAction = (typeof RETENTION_BULK_ACTIONS)[number];

export interface RetentionBulkRequest {
  action: RetentionBulkAction;
  ids: string[];
  /** For `extend`: keep at least this many more days from now. */
  days?: number;
}

/** An account's storage quota (set by the platform owner) and what it uses now. */
export interface StorageQuotaDto {
  maxBytes: number | null;
  maxFiles: number | null;
  usedBytes: number;
  usedFiles: number;
}

/** `GET|POST /v1/admin/storage/consistency`: objects without a row, rows without an object. */
export interface ConsistencyReportDto {
  orphanObjects: { key: string; size: number }[];
  missingObjects: { attachmentId: string; accountId: string; key: string }[];
  repaired: boolean;
}

/** `DELETE /v1/visitors/:chatId`: what an erasure removed. */
export interface VisitorErasureDto {
  chats: number;
  messages: number;
  files: number;
  bytes: number;
  /** Copies outside Satchel (callback receivers, S3 export buckets) that Satchel cannot erase. */
  outOfScope: string[];
}
