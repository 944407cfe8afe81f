import { MigrationInterface, QueryRunner } from 'typeorm';

export class Chatbot1732600000000 implements MigrationInterface {
  name = 'Chatbot1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chatbot_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT false,
        bot_name text NOT NULL DEFAULT 'Assistant',
        steps jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE file_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        prompt text NOT NULL,
        allowed_types text,
        max_size_kb integer CHECK (max_size_kb > 0),
        skippable boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'skipped', 'cancelled')),
        requested_by_role text NOT NULL,
        requested_by_id uuid,
        requested_by_name text NOT NULL,
        fulfilled_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX file_requests_chat_idx ON file_requests (chat_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE chatbot_runs (
        chat_id uuid PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        bot_name text NOT NULL,
        steps jsonb NOT NULL,
        step_index integer NOT NULL DEFAULT 0,
        state text NOT NULL CHECK (state IN ('running', 'waiting', 'handed_over', 'done')),
        waiting_request_id uuid REFERENCES file_requests(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['chatbot_runs', 'file_requests', 'chatbot_settings'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
