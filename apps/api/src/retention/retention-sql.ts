import type { FileKind, RetentionRole } from '@satchel/contracts';

/** One cell of the policy table: files of this kind from this kind of uploader are kept `days`. */
export interface RetentionRule {
  kind: FileKind;
  role: RetentionRole;
  days: number;
}

/** Which files a query looks at, and until when ahead (0 = due now; the "expiring soon" horizon). */
export interface DueQuery {
  accountId: string;
  rules: RetentionRule[];
  closedChatsOnly: boolean;
  dayMs: number;
  horizonMs: number;
}

const KIND_SQL = `CASE WHEN split_part(a.content_type, '/', 1) IN ('image', 'video', 'audio')
  THEN split_part(a.content_type, '/', 1) ELSE 'document' END`;
const ROLE_SQL = `CASE WHEN a.uploaded_by_role = 'visitor' THEN 'visitor' ELSE 'operator' END`;

/** When a file expires under its rule: upload time plus the rule's days, or a later "extend" date. */
export const EXPIRES_SQL = `GREATEST(a.created_at + (p.days::bigint * $3::bigint) * interval '1 millisecond',
  COALESCE(a.retain_until, '-infinity'::timestamptz))`;

/**
 * `FROM … WHERE …` of the live, unheld files of one account whose rule makes them due within the
 * horizon. Parameters: $1 account, $2 horizon ms, $3 day length ms, then the rule table.
 */
export function dueFilesSql(query: DueQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.accountId, query.horizonMs, query.dayMs];
  const values = query.rules.map((r) => {
    params.push(r.kind, r.role, r.days);
    const n = params.length;
    return `($${n - 2}::text, $${n - 1}::text, $${n}::int)`;
  });
  const sql = `
    FROM attachments a
    JOIN (VALUES ${values.join(', ')}) AS p(kind, role, days) ON p.kind = ${KIND_SQL} AND p.role = ${ROLE_SQL}
    LEFT JOIN chats c ON c.id = a.chat_id
    WHERE a.account_id = $1 AND a.expired_at IS NULL AND NOT a.legal_hold
      AND NOT COALESCE(c.legal_hold, false)
      ${query.closedChatsOnly ? `AND c.status = 'closed'` : ''}
      AND ${EXPIRES_SQL} <= now() + $2::bigint * interval '1 millisecond'`;
  return { sql, params };
}

/**
 * Uploads never sent in a message, older than the grace period: files uploaded without a chat, and
 * visitor uploads to a chat that were never sent. Not when the chat or the account is on hold.
 */
export const UNUSED_SQL = `
    FROM attachments a
    LEFT JOIN chats c ON c.id = a.chat_id
    WHERE a.message_id IS NULL AND a.expired_at IS NULL AND NOT a.legal_hold
      AND (a.chat_id IS NULL OR a.uploaded_by_role = 'visitor')
      AND NOT COALESCE(c.legal_hold, false)
      AND NOT EXISTS (SELECT 1 FROM retention_settings s WHERE s.account_id = a.account_id AND s.legal_hold)`;
