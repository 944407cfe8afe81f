import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1732400000000 implements MigrationInterface {
  name = 'Attachments1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE upload_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        visitor_enabled boolean NOT NULL,
        visitor_allowed_types text NOT NULL,
        visitor_max_size_kb integer NOT NULL CHECK (visitor_max_size_kb > 0),
        operator_enabled boolean NOT NULL,
        operator_allowed_types text NOT NULL,
        operator_max_size_kb integer NOT NULL CHECK (operator_max_size_kb > 0),
        access_token_required boolean NOT NULL DEFAULT true,
        logging_enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chat_id uuid REFERENCES chats(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        name text NOT NULL,
        extension text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        content_type text NOT NULL,
        sha256 text NOT NULL,
        storage_driver text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        source text NOT NULL CHECK (source IN ('upload', 'seed-upload', 'url')),
        source_url text,
        uploaded_by_role text NOT NULL,
        uploaded_by_id uuid,
        uploaded_by_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp() -- per row: files of one request keep their order
      )`);
    await queryRunner.query(
      `CREATE INDEX attachments_account_created_idx ON attachments (account_id, created_at DESC, id)`,
    );
    await queryRunner.query(`CREATE INDEX attachments_chat_idx ON attachments (chat_id, created_at)`);
    await queryRunner.query(`CREATE INDEX attachments_chat_name_idx ON attachments (chat_id, name)`);
    await queryRunner.query(
      `CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX attachments_name_trgm_idx ON attachments USING gin (name gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
        reason text,
        actor_role text NOT NULL,
        actor_id uuid,
        actor_name text,
        chat_id uuid,
        attachment_id uuid,
        ip text,
        details jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_account_created_idx ON audit_events (account_id, created_at DESC, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_account_action_idx ON audit_events (account_id, action, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_attachment_idx ON audit_events (attachment_id) WHERE attachment_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'attachments', 'upload_settings']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
