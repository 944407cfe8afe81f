import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: a `pending` status (the chatbot talks), the assigned operator, what the widget knew of
 * the visitor's browser, and the account's inbox settings (reopen on a visitor's message, round-robin).
 */
export class ChatLifecycle1733109300000 implements MigrationInterface {
  name = 'ChatLifecycle1733109300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE chats DROP CONSTRAINT IF EXISTS chats_status_check`);
    await queryRunner.query(
      `ALTER TABLE chats ADD CONSTRAINT chats_status_check CHECK (status IN ('open', 'pending', 'closed'))`,
    );
    await queryRunner.query(`ALTER TABLE chats
      ADD COLUMN assigned_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      ADD COLUMN assignee_name text,
      ADD COLUMN visitor_context jsonb`);
    await queryRunner.query(
      `CREATE INDEX chats_account_assignee_idx ON chats (account_id, assigned_user_id, status)`,
    );
    await queryRunner.query(`CREATE INDEX chats_account_visitor_id_idx ON chats (account_id, visitor_external_id)
      WHERE visitor_external_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX chats_account_visitor_email_idx ON chats (account_id, lower(visitor_email))
      WHERE visitor_email IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE inbox_settings (
      account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      reopen_on_visitor_message boolean NOT NULL DEFAULT false,
      auto_assign boolean NOT NULL DEFAULT false,
      last_assigned_user_id uuid,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS inbox_settings');
    await queryRunner.query('DROP INDEX IF EXISTS chats_account_visitor_email_idx');
    await queryRunner.query('DROP INDEX IF EXISTS chats_account_visitor_id_idx');
    await queryRunner.query('DROP INDEX IF EXISTS chats_account_assignee_idx');
    await queryRunner.query(`ALTER TABLE chats DROP COLUMN IF EXISTS assigned_user_id, DROP COLUMN IF EXISTS assignee_name,
      DROP COLUMN IF EXISTS visitor_context`);
    await queryRunner.query(`UPDATE chats SET status = 'open' WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE chats DROP CONSTRAINT IF EXISTS chats_status_check`);
    await queryRunner.query(
      `ALTER TABLE chats ADD CONSTRAINT chats_status_check CHECK (status IN ('open', 'closed'))`,
    );
  }
}
