import { MigrationInterface, QueryRunner } from 'typeorm';

/** The vector columns a trigger keeps in the language of the row's account. */
const VECTORS = [
  { table: 'messages', column: 'text_tsv', source: 'text', index: 'messages_text_tsv_idx' },
  { table: 'attachment_texts', column: 'content_tsv', source: 'content', index: 'attachment_texts_tsv_idx' },
];

/**
 * Issue 18: each account searches in its own language (a PostgreSQL text search configuration).
 * A generated column cannot read another table, so the vectors become plain columns kept by
 * triggers. DROP EXPRESSION keeps the stored values and rewrites nothing (catalog-only, the GIN
 * indexes stay valid); every existing account is 'simple', which is what the values were built with.
 */
export class SearchLanguage1733109800000 implements MigrationInterface {
  name = 'SearchLanguage1733109800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts ADD COLUMN search_language regconfig NOT NULL DEFAULT 'simple'`);
    await q.query(`CREATE FUNCTION account_search_language(uuid) RETURNS regconfig
      LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT search_language FROM accounts WHERE id = $1), 'simple'::regconfig)
      $$`);
    for (const v of VECTORS) {
      await q.query(`ALTER TABLE ${v.table} ALTER COLUMN ${v.column} DROP EXPRESSION`);
      await q.query(`CREATE FUNCTION ${v.table}_${v.column}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.${v.column} := to_tsvector(account_search_language(NEW.account_id), NEW.${v.source});
          RETURN NEW;
        END $$`);
      await q.query(`CREATE TRIGGER ${v.table}_${v.column} BEFORE INSERT OR UPDATE OF ${v.source}
        ON ${v.table} FOR EACH ROW EXECUTE FUNCTION ${v.table}_${v.column}()`);
    }
  }

  /** Back to generated 'simple' vectors (this one rewrites the tables). */
  async down(q: QueryRunner): Promise<void> {
    for (const v of VECTORS) {
      await q.query(`DROP TRIGGER IF EXISTS ${v.table}_${v.column} ON ${v.table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${v.table}_${v.column}()`);
      await q.query(`ALTER TABLE ${v.table} DROP COLUMN ${v.column}`);
      await q.query(`ALTER TABLE ${v.table} ADD COLUMN ${v.column} tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', ${v.source})) STORED`);
      await q.query(`CREATE INDEX ${v.index} ON ${v.table} USING gin (${v.column})`);
    }
    await q.query(`DROP FUNCTION IF EXISTS account_search_language(uuid)`);
    await q.query(`ALTER TABLE accounts DROP COLUMN IF EXISTS search_language`);
  }
}
