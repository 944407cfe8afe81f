import { MigrationInterface, QueryRunner } from 'typeorm';

/** The origins allowed to embed an account's widget (`PATCH /v1/account`); empty = any origin. */
export class AccountAllowedOrigins1732900000300 implements MigrationInterface {
  name = 'AccountAllowedOrigins1732900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts DROP COLUMN IF EXISTS allowed_origins`);
  }
}
