import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: one index per offered sort and filter of the admin file listing, with the id as
 * tie-breaker so keyset (cursor) pages read only the rows they return (partial on live rows, as
 * the listing never shows expired ones); full-text search of messages ('simple': no stemming, so
 * any language's words match as typed, as prefixes); trigram search of visitor names and emails;
 * the text extracted from documents, searchable the same way and never shown but as excerpts.
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

export class SearchIndexes1733107000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, columns] of Object.entries(INDEXES)) {
      await queryRunner.query(
        `CREATE INDEX IF NOT EXISTS ${name} ON attachments ${columns} WHERE expired_at IS NULL`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE messages ADD COLUMN text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_account_created_id_idx ON audit_events (account_id, created_at, id)`,
    );
    await queryRunner.query(`CREATE INDEX messages_text_tsv_idx ON messages USING gin (text_tsv)`);
    await queryRunner.query(
      `CREATE INDEX messages_chat_created_id_idx ON messages (chat_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_account_created_id_idx ON messages (account_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX chats_visitor_name_trgm_idx ON chats USING gin (visitor_name gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX chats_visitor_email_trgm_idx ON chats USING gin (visitor_email gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE attachment_texts (
        attachment_id uuid PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('ready', 'failed', 'skipped')),
        content text NOT NULL DEFAULT '',
        content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
        reason text,
        extracted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX attachment_texts_tsv_idx ON attachment_texts USING gin (content_tsv)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS attachment_texts`);
    await queryRunner.query(`DROP INDEX IF EXISTS audit_events_account_created_id_idx`);
    for (const name of ['chats_visitor_email_trgm_idx', 'chats_visitor_name_trgm_idx']) {
      await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
    }
    await queryRunner.query(`DROP INDEX IF EXISTS messages_account_created_id_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS messages_chat_created_id_idx`);
    await queryRunner.query(`ALTER TABLE messages DROP COLUMN IF EXISTS text_tsv`);
    for (const name of Object.keys(INDEXES)) await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
