import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-account trust settings (encryption at rest, what a clamd outage does, active content) and
 * each attachment's encryption, scan verdict and active content found.
 */
export class TrustSettings1733108000001 implements MigrationInterface {
  name = 'TrustSettings1733108000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE trust_settings (
      account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      encryption_at_rest boolean NOT NULL DEFAULT true,
      scan_fail_mode text NOT NULL DEFAULT 'closed' CHECK (scan_fail_mode IN ('closed', 'open')),
      active_content text NOT NULL DEFAULT 'attachment' CHECK (active_content IN ('refuse', 'attachment')),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`ALTER TABLE attachments
      ADD COLUMN encrypted boolean NOT NULL DEFAULT false,
      ADD COLUMN scan_status text,
      ADD COLUMN scan_signature text,
      ADD COLUMN scanned_at timestamptz,
      ADD COLUMN active_content text`);
    await queryRunner.query(`CREATE INDEX attachments_scan_status ON attachments (account_id, scan_status)
      WHERE scan_status IN ('infected', 'unscanned')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS attachments_scan_status');
    await queryRunner.query(`ALTER TABLE attachments DROP COLUMN IF EXISTS encrypted, DROP COLUMN IF EXISTS scan_status,
      DROP COLUMN IF EXISTS scan_signature, DROP COLUMN IF EXISTS scanned_at, DROP COLUMN IF EXISTS active_content`);
    await queryRunner.query('DROP TABLE IF EXISTS trust_settings');
  }
}
