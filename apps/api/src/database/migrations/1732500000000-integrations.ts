import { MigrationInterface, QueryRunner } from 'typeorm';

export class Integrations1732500000000 implements MigrationInterface {
  name = 'Integrations1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE callback_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT false,
        url text,
        enabled_at timestamptz,
        events_enabled boolean NOT NULL DEFAULT false,
        events_url text,
        event_types text[] NOT NULL DEFAULT '{}',
        secret_sealed text,
        secret_last4 text,
        secret_created_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE s3_export_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        disabled boolean NOT NULL DEFAULT true,
        enabled_at timestamptz,
        access_key_id_sealed text,
        access_key_id_last4 text,
        secret_access_key_sealed text,
        secret_access_key_last4 text,
        region text NOT NULL DEFAULT 'us-east-1',
        bucket text,
        folder text NOT NULL DEFAULT '',
        endpoint text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('callback', 'export', 'event')),
        attachment_id uuid,
        chat_id uuid,
        event_type text,
        payload jsonb,
        target text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'refused', 'exported', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_http_status integer,
        uid text,
        url text,
        export_key text,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One callback and one export record per attachment: enqueueing is idempotent and
    // reconciliation finds attachments that have none.
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliveries_attachment_kind_key ON deliveries (attachment_id, kind) WHERE kind IN ('callback', 'export')`,
    );
    // Export names are unique within a bucket: `name (1).pdf` when taken.
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliveries_export_target_key ON deliveries (account_id, target) WHERE kind = 'export' AND target IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deliveries_account_created_idx ON deliveries (account_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliveries_account_status_idx ON deliveries (account_id, status, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliveries_chat_idx ON deliveries (chat_id) WHERE chat_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE delivery_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        http_status integer,
        response_excerpt text,
        error text,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'exported', 'refused', 'error'))
      )`);
    await queryRunner.query(
      `CREATE INDEX delivery_attempts_delivery_idx ON delivery_attempts (delivery_id, attempt)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['delivery_attempts', 'deliveries', 's3_export_settings', 'callback_settings']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
