import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18: keyset pages of the deliveries list (newest first, id as tie-breaker) per offered filter. */
const INDEXES: Record<string, string> = {
  deliveries_account_created_id_idx: '(account_id, created_at, id)',
  deliveries_account_kind_created_id_idx: '(account_id, kind, created_at, id)',
  deliveries_account_status_created_id_idx: '(account_id, status, created_at, id)',
};

export class DeliveryKeysetIndexes1733109600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of Object.entries(INDEXES)) {
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS ${name} ON deliveries ${columns}`);
    }
    await queryRunner.query(`DROP INDEX IF EXISTS deliveries_account_created_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS deliveries_account_status_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS deliveries_account_created_idx ON deliveries (account_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS deliveries_account_status_idx ON deliveries (account_id, status, created_at DESC)`,
    );
    for (const name of Object.keys(INDEXES)) await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
