import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encryption at rest: each encrypted object's data key, wrapped by a master key (re-wrapping
 * rewrites these rows, never the objects), and each master key's check value (a wrong key for a
 * known id stops the start).
 */
export class EncryptionAtRest1733108000000 implements MigrationInterface {
  name = 'EncryptionAtRest1733108000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE storage_data_keys (
      storage_key text PRIMARY KEY,
      master_key_id text NOT NULL,
      wrapped_key bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query('CREATE INDEX storage_data_keys_master_key ON storage_data_keys (master_key_id)');
    await queryRunner.query(`CREATE TABLE encryption_master_keys (
      id text PRIMARY KEY,
      check_value text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS encryption_master_keys');
    await queryRunner.query('DROP TABLE IF EXISTS storage_data_keys');
  }
}
