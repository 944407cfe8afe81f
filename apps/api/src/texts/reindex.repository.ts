import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { REINDEX_TABLES, type ReindexCursor, type ReindexTable } from '../jobs/job-payloads';

export { REINDEX_TABLES };
export type { ReindexCursor, ReindexTable };

/** Rows per UPDATE: short transactions, little lock time per batch. */
export const REINDEX_BATCH = 1000;

/** Before every row of either keyset. */
export const REINDEX_START: ReindexCursor = { key: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

/**
 * One batch: the next rows after the cursor with their vector in the account's current language
 * ($1 account, $2 limit, then the cursor), updated where it differs; the batch's last position.
 */
const BATCH_SQL: Record<ReindexTable, { sql: string; params: (c: ReindexCursor) => string[] }> = {
  // keyset of messages_account_created_id_idx (account_id, created_at, id)
  messages: {
    sql: `WITH batch AS (
        SELECT id, created_at, to_tsvector(account_search_language($1), text) AS v FROM messages
         WHERE account_id = $1 AND (created_at, id) > (CAST($3 AS timestamptz), CAST($4 AS uuid))
         ORDER BY created_at, id LIMIT $2),
      done AS (
        UPDATE messages t SET text_tsv = b.v FROM batch b WHERE t.id = b.id AND t.text_tsv IS DISTINCT FROM b.v)
      SELECT created_at::text AS key, id::text AS id FROM batch ORDER BY created_at DESC, id DESC LIMIT 1`,
    params: (c) => [c.key, c.id],
  },
  attachment_texts: {
    sql: `WITH batch AS (
        SELECT attachment_id, to_tsvector(account_search_language($1), content) AS v FROM attachment_texts
         WHERE account_id = $1 AND attachment_id > CAST($3 AS uuid) ORDER BY attachment_id LIMIT $2),
      done AS (
        UPDATE attachment_texts t SET content_tsv = b.v FROM batch b
         WHERE t.attachment_id = b.attachment_id AND t.content_tsv IS DISTINCT FROM b.v)
      SELECT '' AS key, attachment_id::text AS id FROM batch ORDER BY attachment_id DESC LIMIT 1`,
    params: (c) => [c.id],
  },
};

/** Rewrites text vectors in the account's current search language, one keyset batch at a time. */
@Injectable()
export class ReindexRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Re-indexes the batch after `after`: its last position, or null when no row was left. Rows
   * already in the current language are not written, so a repeated pass only reads.
   */
  async batch(table: ReindexTable, accountId: string, after: ReindexCursor): Promise<ReindexCursor | null> {
    const { sql, params } = BATCH_SQL[table];
    const rows: ReindexCursor[] = await this.db.query(sql, [accountId, REINDEX_BATCH, ...params(after)]);
    return rows[0] ?? null;
  }
}
