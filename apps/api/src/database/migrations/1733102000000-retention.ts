import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 19): expired files keep a tombstone row, legal holds on chats and files, one
 * policy and one quota per account, and a daily record of storage used per account.
 */
export class Retention1733102000000 implements MigrationInterface {
  name = 'Retention1733102000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE attachments
        ADD COLUMN expired_at timestamptz,
        ADD COLUMN expiry_reason text,
        ADD COLUMN retain_until timestamptz,
        ADD COLUMN legal_hold boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX attachments_live_created_idx ON attachments (account_id, created_at) WHERE expired_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE chats ADD COLUMN legal_hold boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE retention_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        policy jsonb,
        legal_hold boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE storage_quotas (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        max_bytes bigint,
        max_files integer,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE storage_usage_days (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        bytes bigint NOT NULL,
        files integer NOT NULL,
        PRIMARY KEY (account_id, day)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS storage_usage_days`);
    await queryRunner.query(`DROP TABLE IF EXISTS storage_quotas`);
    await queryRunner.query(`DROP TABLE IF EXISTS retention_settings`);
    await queryRunner.query(`ALTER TABLE chats DROP COLUMN IF EXISTS legal_hold`);
    await queryRunner.query(`DROP INDEX IF EXISTS attachments_live_created_idx`);
    await queryRunner.query(`
      ALTER TABLE attachments
        DROP COLUMN IF EXISTS expired_at,
        DROP COLUMN IF EXISTS expiry_reason,
        DROP COLUMN IF EXISTS retain_until,
        DROP COLUMN IF EXISTS legal_hold`);
  }
}
