import { MigrationInterface, QueryRunner } from 'typeorm';

/** The origins allowed to embed an account's widget (`PATCH /v1/account`); empty = any origin. */
export class AccountAllowedOrigins1732900000300 implements MigrationInterface {
  name = 'AccountAllowedOrigins1732900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts DROP COLUMN IF EXISTS allowed_origins`);
  }
}
