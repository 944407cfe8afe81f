import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each operator last read each chat, for the inbox's unread counts. */
export class InboxReads1732600000001 implements MigrationInterface {
  name = 'InboxReads1732600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chat_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        last_read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, chat_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS chat_reads`);
  }
}
