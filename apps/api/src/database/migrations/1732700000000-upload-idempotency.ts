import { MigrationInterface, QueryRunner } from 'typeorm';

/** `Idempotency-Key` on chat uploads: a retried request returns the files stored the first time. */
export class UploadIdempotency1732700000000 implements MigrationInterface {
  name = 'UploadIdempotency1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE attachments ADD COLUMN idempotency_key text, ADD COLUMN idempotency_index int`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX attachments_idempotency_key ON attachments (account_id, idempotency_key, idempotency_index)
        WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS attachments_idempotency_key`);
    await queryRunner.query(
      `ALTER TABLE attachments DROP COLUMN idempotency_key, DROP COLUMN idempotency_index`,
    );
  }
}
