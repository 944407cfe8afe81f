import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-account, per-role photo compression in the browser (enabled, maximum dimension, quality). */
export class PhotoCompression1733109200000 implements MigrationInterface {
  name = 'PhotoCompression1733109200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE upload_settings ADD COLUMN photo_compression jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE upload_settings DROP COLUMN IF EXISTS photo_compression');
  }
}
