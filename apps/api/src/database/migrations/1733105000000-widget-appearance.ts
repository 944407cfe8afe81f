import { MigrationInterface, QueryRunner } from 'typeorm';

/** Widget appearance and identity verification per account; the identified visitor on a chat. */
export class WidgetAppearance1733105000000 implements MigrationInterface {
  name = 'WidgetAppearance1733105000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE widget_appearance (
      account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      settings jsonb NOT NULL,
      avatar_key text,
      version integer NOT NULL DEFAULT 1,
      identity_secret text NOT NULL,
      identity_required boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`ALTER TABLE chats ADD COLUMN visitor_email text,
      ADD COLUMN visitor_external_id text,
      ADD COLUMN visitor_verified boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE chats DROP COLUMN IF EXISTS visitor_email,
      DROP COLUMN IF EXISTS visitor_external_id, DROP COLUMN IF EXISTS visitor_verified`);
    await queryRunner.query(`DROP TABLE IF EXISTS widget_appearance`);
  }
}
