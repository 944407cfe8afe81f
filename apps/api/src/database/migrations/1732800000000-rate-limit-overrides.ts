import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-account rate-limit overrides (`PUT /v1/settings/rate-limits`). */
export class RateLimitOverrides1732800000000 implements MigrationInterface {
  name = 'RateLimitOverrides1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_overrides (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        policy text NOT NULL,
        points integer NOT NULL CHECK (points > 0),
        seconds integer NOT NULL CHECK (seconds > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, policy)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rate_limit_overrides`);
  }
}
