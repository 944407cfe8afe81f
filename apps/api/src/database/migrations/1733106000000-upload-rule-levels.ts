import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the platform's upload defaults and ceilings (one row, set by the owner; null columns
 * fall back to the environment), operator groups and the verified-visitor group with their own
 * rules, whether a chat's visitor is verified, and seed 000's `user_id` / seed 003's `channel` on
 * each file.
 */
const INHERITABLE = [
  'visitor_enabled',
  'visitor_allowed_types',
  'visitor_max_size_kb',
  'operator_enabled',
  'operator_allowed_types',
  'operator_max_size_kb',
  'access_token_required',
  'logging_enabled',
  'generate_thumbnails',
];

export class UploadRuleLevels1733106000000 implements MigrationInterface {
  name = 'UploadRuleLevels1733106000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE platform_upload_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        visitor_enabled boolean,
        visitor_allowed_types text,
        visitor_max_size_kb integer,
        operator_enabled boolean,
        operator_allowed_types text,
        operator_max_size_kb integer,
        ceiling_max_size_kb integer,
        ceiling_allowed_types text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE upload_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('operator', 'verified_visitor')),
        enabled boolean NOT NULL,
        allowed_types text NOT NULL,
        max_size_kb integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX upload_groups_name ON upload_groups (account_id, lower(name))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX upload_groups_one_visitor ON upload_groups (account_id) WHERE kind = 'verified_visitor'`,
    );
    await queryRunner.query(`
      CREATE TABLE upload_group_members (
        group_id uuid NOT NULL REFERENCES upload_groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX upload_group_members_user ON upload_group_members (user_id)`);
    await queryRunner.query(`ALTER TABLE chats ADD COLUMN IF NOT EXISTS visitor_verified boolean`);
    await queryRunner.query(`ALTER TABLE attachments ADD COLUMN end_user_id text, ADD COLUMN channel text`);
    // An account's unset values now inherit the platform's (null = inherit).
    for (const col of INHERITABLE)
      await queryRunner.query(`ALTER TABLE upload_settings ALTER COLUMN ${col} DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM upload_settings WHERE ${INHERITABLE.map((c) => `${c} IS NULL`).join(' OR ')}`,
    );
    for (const col of INHERITABLE)
      await queryRunner.query(`ALTER TABLE upload_settings ALTER COLUMN ${col} SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE attachments DROP COLUMN IF EXISTS end_user_id, DROP COLUMN IF EXISTS channel`,
    );
    await queryRunner.query(`ALTER TABLE chats DROP COLUMN IF EXISTS visitor_verified`);
    await queryRunner.query(`DROP TABLE IF EXISTS upload_group_members`);
    await queryRunner.query(`DROP TABLE IF EXISTS upload_groups`);
    await queryRunner.query(`DROP TABLE IF EXISTS platform_upload_settings`);
  }
}
