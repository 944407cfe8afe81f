import { MigrationInterface, QueryRunner } from 'typeorm';

/** "Seen": the newest message each operator and each chat's visitor has read. */
export class ReadReceipts1733109400000 implements MigrationInterface {
  name = 'ReadReceipts1733109400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE chat_reads
        ADD COLUMN last_read_message_id uuid REFERENCES messages(id) ON DELETE SET NULL`);
    await queryRunner.query(`
      CREATE TABLE chat_visitor_reads (
        chat_id uuid PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE,
        last_read_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        last_read_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS chat_visitor_reads`);
    await queryRunner.query(`ALTER TABLE chat_reads DROP COLUMN IF EXISTS last_read_message_id`);
  }
}
