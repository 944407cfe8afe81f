import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: one index per offered sort and filter of the admin file listing, with the id as
 * tie-breaker so keyset (cursor) pages read only the rows they return. Partial on live rows, as
 * the listing never shows expired ones.
 */
const INDEXES: Record<string, string> = {
  attachments_live_created_idx: '(account_id, created_at, id)',
  attachments_live_name_idx: '(account_id, lower(name), id)',
  attachments_live_size_idx: '(account_id, size, id)',
  attachments_live_chat_created_idx: '(chat_id, created_at, id)',
  attachments_live_ext_created_idx: '(account_id, extension, created_at, id)',
  attachments_live_type_created_idx: '(account_id, content_type, created_at, id)',
  attachments_live_role_created_idx: '(account_id, uploaded_by_role, created_at, id)',
};

export class ListIndexes1733107000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, columns] of Object.entries(INDEXES)) {
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON attachments ${columns} WHERE expired_at IS NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(INDEXES)) await q.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
