import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18: the inbox pages by last activity with the id as tie-breaker (keyset cursor); one index per account in that order. */
export class InboxKeysetIndex1733109700001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS chats_account_activity_id_idx
         ON chats (account_id, (COALESCE(last_message_at, created_at)) DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS chats_account_activity_id_idx`);
  }
}
