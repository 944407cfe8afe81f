import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Image previews (issue 14): one row per attachment with its state and rendition keys, and the
 * per-account `generate_thumbnails` switch. No foreign key to attachments: deleting an attachment
 * must still find its rendition keys to remove the objects (the previews listener deletes the row).
 */
export class Previews1732900000014 implements MigrationInterface {
  name = 'Previews1732900000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachment_previews (
        attachment_id uuid PRIMARY KEY,
        account_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'ready', 'unsupported', 'failed')),
        width integer,
        height integer,
        placeholder text,
        reason text,
        small_key text,
        large_key text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `ALTER TABLE upload_settings ADD COLUMN generate_thumbnails boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE upload_settings DROP COLUMN IF EXISTS generate_thumbnails`);
    await queryRunner.query(`DROP TABLE IF EXISTS attachment_previews`);
  }
}
