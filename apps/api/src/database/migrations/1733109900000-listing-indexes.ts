import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (search speed): the live files' newest-first index had no id (retention created it
 * first, so the search migration's `IF NOT EXISTS` kept the older shape). With the id, the
 * listing's keyset pages and deep offsets are read from the index alone; retention's sweep
 * (account, created_at) uses the same index. The sweep of uploads never sent in a message reads
 * the oldest of them from a partial index (few rows in practice) instead of sorting every file.
 * The inbox's open views read open chats by activity from their own partial index: most chats are
 * closed, and the planner otherwise scans every chat of the account (64 ms at 110,000 chats).
 */
export class ListingIndexes1733109900000 implements MigrationInterface {
  name = 'ListingIndexes1733109900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS attachments_live_created_id_idx ON attachments (account_id, created_at, id)
        WHERE expired_at IS NULL`,
    );
    await q.query(`DROP INDEX IF EXISTS attachments_live_created_idx`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS attachments_unused_created_idx ON attachments (created_at)
        WHERE message_id IS NULL AND expired_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS chats_open_activity_id_idx
         ON chats (account_id, (COALESCE(last_message_at, created_at)) DESC, id DESC) WHERE status <> 'closed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS chats_open_activity_id_idx`);
    await q.query(`DROP INDEX IF EXISTS attachments_unused_created_idx`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS attachments_live_created_idx ON attachments (account_id, created_at)
        WHERE expired_at IS NULL`,
    );
    await q.query(`DROP INDEX IF EXISTS attachments_live_created_id_idx`);
  }
}
