import { FILE_KINDS, RETENTION_ROLES, type RetentionPolicy } from '@satchel/contracts';
import { retentionDays } from '@satchel/domain';
import type { RetentionRule } from './retention-sql';

/** The policy (and the platform maximum) as a kind × role table; cells that keep forever are left out. */
export function rulesOf(policy: RetentionPolicy | null, maxDays: number | null): RetentionRule[] {
  return FILE_KINDS.flatMap((kind) =>
    RETENTION_ROLES.flatMap((role) => {
      const days = retentionDays(policy, kind, role, maxDays);
      return days === null ? [] : [{ kind, role, days }];
    }),
  );
}
