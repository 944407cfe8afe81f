import { MigrationInterface, QueryRunner } from 'typeorm';
import { NAME_WORDS_SQL } from '../name-words';

/**
 * Issue 18 (search speed): inbox search pages chats newest first, so chats get the keyset index the
 * files and messages already have; search terms shorter than a trigram match word prefixes of file
 * names and visitor names/emails through these full-text indexes (a trigram index cannot answer
 * `%ab%`, a full scan of a million names can't be fast).
 */
const INDEXES: Record<string, string> = {
  chats_account_created_id_idx: `chats (account_id, created_at, id)`,
  attachments_live_name_words_idx: `attachments USING gin (${NAME_WORDS_SQL('name')}) WHERE expired_at IS NULL`,
  chats_visitor_words_idx: `chats USING gin (${NAME_WORDS_SQL("coalesce(visitor_name, '') || ' ' || coalesce(visitor_email, '')")})`,
};

export class SearchSpeedIndexes1733109700000 implements MigrationInterface {
  name = 'SearchSpeedIndexes1733109700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, def] of Object.entries(INDEXES))
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${def}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(INDEXES)) await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
