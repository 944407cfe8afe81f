import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21: emails (outbox), invitations, password resets, TOTP, team settings, notification
 * preferences and the visitor emails that transcripts go to.
 */
export class TeamsAndMail1733100000000 implements MigrationInterface {
  name = 'TeamsAndMail1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid REFERENCES accounts(id) ON DELETE CASCADE,
        kind text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL,
        groups text[] NOT NULL DEFAULT '{}',
        token_hash text NOT NULL UNIQUE,
        invited_by text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invitations_account_idx ON invitations (account_id, created_at DESC);
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        enabled_at timestamptz,
        recovery_hashes text[] NOT NULL DEFAULT '{}',
        last_step bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE team_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        locale text NOT NULL DEFAULT 'en',
        require_totp boolean NOT NULL DEFAULT false,
        transcript_emails boolean NOT NULL DEFAULT false
      );
      CREATE TABLE notification_prefs (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email_enabled boolean NOT NULL DEFAULT true
      );
      CREATE TABLE pending_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        kind text NOT NULL,
        summary text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pending_notifications_user_idx ON pending_notifications (user_id);
      CREATE TABLE chat_visitor_emails (
        chat_id uuid PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE,
        email text NOT NULL,
        transcript_sent_at timestamptz
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS chat_visitor_emails, pending_notifications, notification_prefs, team_settings,
        user_totp, password_resets, invitations, mail_outbox;
    `);
  }
}
