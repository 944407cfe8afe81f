import type { FileKind, RetentionPolicy, RetentionRole } from '@satchel/contracts';

/** The retention kind of a detected content type; anything not image, video or audio is a document. */
export function fileKindOf(contentType: string): FileKind {
  const family = contentType.split('/')[0];
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'document';
}

export function retentionRoleOf(uploaderRole: string): RetentionRole {
  return uploaderRole === 'visitor' ? 'visitor' : 'operator';
}

/**
 * Days a file of this kind and uploader is kept, or null for forever. An override (kind or role)
 * wins over `days`, the shorter of two overrides applies, and the platform maximum caps everything.
 */
export function retentionDays(
  policy: RetentionPolicy | null,
  kind: FileKind,
  role: RetentionRole,
  maxDays: number | null,
): number | null {
  const overrides = [policy?.byKind?.[kind], policy?.byRole?.[role]].filter(
    (d): d is number => typeof d === 'number',
  );
  const days = overrides.length ? Math.min(...overrides) : (policy?.days ?? null);
  if (maxDays === null) return days;
  return days === null ? maxDays : Math.min(days, maxDays);
}

/** Whether a policy removes anything at all (with the platform maximum). */
export function retentionActive(policy: RetentionPolicy | null, maxDays: number | null): boolean {
  if (maxDays !== null) return true;
  if (!policy) return false;
  return (
    policy.days !== null ||
    Object.values(policy.byKind ?? {}).some((d) => typeof d === 'number') ||
    Object.values(policy.byRole ?? {}).some((d) => typeof d === 'number')
  );
}

/** Reaching this share of a quota warns the account's admins. */
export const QUOTA_WARNING_RATIO = 0.8;

/** The fraction (0–1+) of the fuller quota dimension used, or null without a quota. */
export function quotaUsage(
  q: { maxBytes: number | null; maxFiles: number | null },
  used: { bytes: number; files: number },
): number | null {
  const ratios = [
    q.maxBytes !== null ? used.bytes / Math.max(q.maxBytes, 1) : null,
    q.maxFiles !== null ? used.files / Math.max(q.maxFiles, 1) : null,
  ].filter((r): r is number => r !== null);
  return ratios.length ? Math.max(...ratios) : null;
}
