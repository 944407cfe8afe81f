import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RetentionPolicy } from '@satchel/contracts';
import type { DataSource } from 'typeorm';
import { dueFilesSql, EXPIRES_SQL, UNUSED_SQL, type DueQuery } from './retention-sql';
import { RetentionSettingsEntity } from './retention-settings.entity';

/** A file row as retention handles it. */
export interface RetentionFile {
  id: string;
  accountId: string;
  chatId: string | null;
  messageId: string | null;
  name: string;
  size: number;
  contentType: string;
  storageKey: string;
  createdAt: Date;
  expiresAt: Date | null;
  expiredAt: Date | null;
  expiryReason: string | null;
  legalHold: boolean;
}

interface RawFile {
  id: string;
  account_id: string;
  chat_id: string | null;
  message_id: string | null;
  name: string;
  size: string;
  content_type: string;
  storage_key: string;
  created_at: Date;
  expires_at?: Date | null;
  expired_at: Date | null;
  expiry_reason: string | null;
  legal_hold: boolean;
}

const COLUMNS = `a.id, a.account_id, a.chat_id, a.message_id, a.name, a.size, a.content_type, a.storage_key,
  a.created_at, a.expired_at, a.expiry_reason, a.legal_hold`;
const RETURNING = COLUMNS.replace(/a\./g, 't.');

const toFile = (row: RawFile): RetentionFile => ({
  id: row.id,
  accountId: row.account_id,
  chatId: row.chat_id,
  messageId: row.message_id,
  name: row.name,
  size: Number(row.size),
  contentType: row.content_type,
  storageKey: row.storage_key,
  createdAt: row.created_at,
  expiresAt: row.expires_at ?? null,
  expiredAt: row.expired_at,
  expiryReason: row.expiry_reason,
  legalHold: row.legal_hold,
});

export interface Totals {
  count: number;
  bytes: number;
}

/** Retention's rows: policies, due files claimed once across workers, tombstones, holds, usage. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get settingsRepo() {
    return this.db.getRepository(RetentionSettingsEntity);
  }

  findSettings(accountId: string): Promise<RetentionSettingsEntity | null> {
    return this.settingsRepo.findOneBy({ accountId });
  }

  async saveSettings(accountId: string, policy: RetentionPolicy | null, legalHold: boolean): Promise<void> {
    await this.settingsRepo.upsert({ accountId, policy, legalHold }, ['accountId']);
  }

  /** Every account with its policy (none = keep forever) and hold. */
  async accounts(): Promise<{ accountId: string; policy: RetentionPolicy | null; legalHold: boolean }[]> {
    const rows = await this.db.query<
      { id: string; policy: RetentionPolicy | null; legal_hold: boolean | null }[]
    >(
      `SELECT a.id, s.policy, s.legal_hold FROM accounts a LEFT JOIN retention_settings s ON s.account_id = a.id`,
    );
    return rows.map((r) => ({ accountId: r.id, policy: r.policy, legalHold: r.legal_hold ?? false }));
  }

  /**
   * Marks up to `limit` due files expired and returns them. Rows are locked and skipped when another
   * worker holds them, and only still-live rows are updated: each file is claimed by exactly one sweep.
   */
  async claimDue(query: DueQuery, limit: number, reason: string): Promise<RetentionFile[]> {
    const { sql, params } = dueFilesSql(query);
    params.push(limit, reason);
    const reasonParam = params.length;
    const rows = await this.db.query<[RawFile[], number]>(
      `WITH due AS (SELECT a.id ${sql} ORDER BY a.created_at LIMIT $${reasonParam - 1} FOR UPDATE OF a SKIP LOCKED)
       UPDATE attachments t SET expired_at = now(), expiry_reason = $${reasonParam}
         FROM due WHERE t.id = due.id AND t.expired_at IS NULL
       RETURNING ${RETURNING}`,
      params,
    );
    return rows[0].map(toFile);
  }

  /** Removes up to `limit` unused uploads older than the grace period; each row goes to one caller. */
  async claimUnused(graceMs: number, limit: number): Promise<RetentionFile[]> {
    const rows = await this.db.query<[RawFile[], number]>(
      `WITH due AS (SELECT a.id ${UNUSED_SQL}
         AND a.created_at < now() - $1::bigint * interval '1 millisecond'
         ORDER BY a.created_at LIMIT $2 FOR UPDATE OF a SKIP LOCKED)
       DELETE FROM attachments t USING due WHERE t.id = due.id
       RETURNING ${RETURNING}`,
      [graceMs, limit],
    );
    return rows[0].map(toFile);
  }

  /** Due files within the horizon, with their expiry time (the "Expiring soon" view and dry runs). */
  async due(query: DueQuery, limit: number): Promise<{ items: RetentionFile[]; totals: Totals }> {
    const { sql, params } = dueFilesSql(query);
    const [items, [totals]] = await Promise.all([
      this.db.query<RawFile[]>(
        `SELECT ${COLUMNS}, ${EXPIRES_SQL} AS expires_at ${sql} ORDER BY expires_at, a.id LIMIT ${limit}`,
        params,
      ),
      this.db.query<{ count: string; bytes: string }[]>(
        `SELECT COUNT(*) AS count, COALESCE(SUM(a.size), 0) AS bytes ${sql}`,
        params,
      ),
    ]);
    return { items: items.map(toFile), totals: totalsOf(totals) };
  }

  expired(accountId: string, limit: number) {
    return this.listWhere(
      `a.account_id = $1 AND a.expired_at IS NOT NULL`,
      [accountId],
      limit,
      'a.expired_at DESC',
    );
  }

  /** Unsent uploads, held ones included (shown with their hold; the sweep skips them). */
  unused(accountId: string, limit: number) {
    return this.listWhere(
      `a.account_id = $1 AND a.message_id IS NULL AND a.expired_at IS NULL
         AND (a.chat_id IS NULL OR a.uploaded_by_role = 'visitor')`,
      [accountId],
      limit,
      'a.created_at',
    );
  }

  /** Live files of the account among `ids` (the selection of a bulk action). */
  async live(accountId: string, ids: string[]): Promise<RetentionFile[]> {
    return (
      await this.listWhere(
        `a.account_id = $1 AND a.id = ANY($2) AND a.expired_at IS NULL`,
        [accountId, ids],
        ids.length || 1,
        'a.created_at',
      )
    ).items;
  }

  /** Marks these live files expired (an admin's delete of files shown in a chat): claimed once. */
  async claimIds(accountId: string, ids: string[], reason: string): Promise<RetentionFile[]> {
    const rows = await this.db.query<[RawFile[], number]>(
      `UPDATE attachments t SET expired_at = now(), expiry_reason = $3
        WHERE t.account_id = $1 AND t.id = ANY($2) AND t.expired_at IS NULL
       RETURNING ${RETURNING}`,
      [accountId, ids, reason],
    );
    return rows[0].map(toFile);
  }

  /** Deletes rows outright (unused uploads and tombstones): returns those this call removed. */
  async deleteRows(accountId: string, ids: string[]): Promise<RetentionFile[]> {
    const rows = await this.db.query<[RawFile[], number]>(
      `DELETE FROM attachments t WHERE t.account_id = $1 AND t.id = ANY($2) RETURNING ${RETURNING}`,
      [accountId, ids],
    );
    return rows[0].map(toFile);
  }

  async extend(accountId: string, ids: string[], until: Date): Promise<number> {
    const [, n] = await this.db.query<[unknown, number]>(
      `UPDATE attachments SET retain_until = GREATEST(COALESCE(retain_until, $3), $3)
        WHERE account_id = $1 AND id = ANY($2) AND expired_at IS NULL`,
      [accountId, ids, until],
    );
    return n;
  }

  async hold(accountId: string, ids: string[], hold: boolean): Promise<number> {
    const [, n] = await this.db.query<[unknown, number]>(
      `UPDATE attachments SET legal_hold = $3 WHERE account_id = $1 AND id = ANY($2) AND expired_at IS NULL`,
      [accountId, ids, hold],
    );
    return n;
  }

  async holdChat(accountId: string, chatId: string, hold: boolean): Promise<boolean> {
    const [, n] = await this.db.query<[unknown, number]>(
      `UPDATE chats SET legal_hold = $3 WHERE account_id = $1 AND id = $2`,
      [accountId, chatId, hold],
    );
    return n > 0;
  }

  /** Deletes preview rows of these files and returns their rendition keys. */
  async takePreviews(attachmentIds: string[]): Promise<string[]> {
    if (!attachmentIds.length) return [];
    const [rows] = await this.db.query<[{ small_key: string | null; large_key: string | null }[], number]>(
      `DELETE FROM attachment_previews WHERE attachment_id = ANY($1) RETURNING small_key, large_key`,
      [attachmentIds],
    );
    return rows.flatMap((r) => [r.small_key, r.large_key]).filter((k): k is string => !!k);
  }

  /** Records today's storage of every account (the chart's data point). */
  async recordUsage(): Promise<void> {
    await this.db.query(
      `INSERT INTO storage_usage_days (account_id, day, bytes, files)
       SELECT ac.id, current_date, COALESCE(SUM(a.size), 0), COUNT(a.id)
         FROM accounts ac LEFT JOIN attachments a ON a.account_id = ac.id AND a.expired_at IS NULL
        GROUP BY ac.id
       ON CONFLICT (account_id, day) DO UPDATE SET bytes = EXCLUDED.bytes, files = EXCLUDED.files`,
    );
  }

  async usage(accountId: string, days: number): Promise<{ day: string; bytes: number; files: number }[]> {
    const rows = await this.db.query<{ day: string; bytes: string; files: number }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, bytes, files FROM storage_usage_days
        WHERE account_id = $1 AND day > current_date - $2::int ORDER BY day`,
      [accountId, days],
    );
    return rows.map((r) => ({ day: r.day, bytes: Number(r.bytes), files: Number(r.files) }));
  }

  /** Live storage by kind. */
  async byKind(accountId: string): Promise<{ kind: string; count: number; bytes: number }[]> {
    const rows = await this.db.query<{ kind: string; count: string; bytes: string }[]>(
      `SELECT CASE WHEN split_part(content_type, '/', 1) IN ('image', 'video', 'audio')
                   THEN split_part(content_type, '/', 1) ELSE 'document' END AS kind,
              COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes
         FROM attachments WHERE account_id = $1 AND expired_at IS NULL GROUP BY 1`,
      [accountId],
    );
    return rows.map((r) => ({ kind: r.kind, count: Number(r.count), bytes: Number(r.bytes) }));
  }

  /** Storage keys of every live row and preview rendition (what the consistency check expects to find). */
  async knownKeys(): Promise<Set<string>> {
    const rows = await this.db.query<{ key: string }[]>(
      `SELECT storage_key AS key FROM attachments WHERE expired_at IS NULL
       UNION ALL SELECT small_key FROM attachment_previews WHERE small_key IS NOT NULL
       UNION ALL SELECT large_key FROM attachment_previews WHERE large_key IS NOT NULL`,
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Live rows, page by page (after `afterId`), for the consistency check. */
  async liveRows(
    afterId: string,
    limit: number,
  ): Promise<{ id: string; accountId: string; storageKey: string }[]> {
    const rows = await this.db.query<{ id: string; account_id: string; storage_key: string }[]>(
      `SELECT id, account_id, storage_key FROM attachments WHERE expired_at IS NULL AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, storageKey: r.storage_key }));
  }

  private async listWhere(where: string, params: unknown[], limit: number, order: string) {
    const [items, [totals]] = await Promise.all([
      this.db.query<RawFile[]>(
        `SELECT ${COLUMNS} FROM attachments a WHERE ${where} ORDER BY ${order} LIMIT ${limit}`,
        params,
      ),
      this.db.query<{ count: string; bytes: string }[]>(
        `SELECT COUNT(*) AS count, COALESCE(SUM(a.size), 0) AS bytes FROM attachments a WHERE ${where}`,
        params,
      ),
    ]);
    return { items: items.map(toFile), totals: totalsOf(totals) };
  }
}

function totalsOf(row: { count: string; bytes: string } | undefined): Totals {
  return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
}
