import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Previews of HEIC, PDF and video (issue 14): which kinds an account previews, and what a
 * preview learned about the file (a PDF's page count, a video's running time).
 */
export class PreviewKinds1733104000000 implements MigrationInterface {
  name = 'PreviewKinds1733104000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE upload_settings ADD COLUMN preview_kinds jsonb NOT NULL
         DEFAULT '{"images": true, "heic": true, "pdf": true, "video": true}'`,
    );
    await queryRunner.query(
      `ALTER TABLE attachment_previews ADD COLUMN pages integer, ADD COLUMN duration_ms integer`,
    );
    await queryRunner.query(
      `CREATE INDEX attachment_previews_account_status ON attachment_previews (account_id, status)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS attachment_previews_account_status`);
    await queryRunner.query(
      `ALTER TABLE attachment_previews DROP COLUMN IF EXISTS pages, DROP COLUMN IF EXISTS duration_ms`,
    );
    await queryRunner.query(`ALTER TABLE upload_settings DROP COLUMN IF EXISTS preview_kinds`);
  }
}
