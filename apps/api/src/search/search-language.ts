import type { SearchLanguage } from '@satchel/contracts';
import type { DataSource } from 'typeorm';

/**
 * A prefix tsquery (bound as `:${param}`) normalised in the language bound as `:config`, as the
 * vectors were: in 'english' `invoices:*` becomes `invoic:*`, which finds "invoice" and "invoiced".
 * Only stop words give an empty tsquery, which matches no row.
 */
export const textTsQuery = (param: string): string => `to_tsquery(CAST(:config AS regconfig), :${param})`;

/** The account's search language ('simple' for an unknown account: it then finds nothing anyway). */
export async function searchLanguageOf(db: DataSource, accountId: string): Promise<SearchLanguage> {
  const rows: { config: SearchLanguage }[] = await db.query(
    `SELECT search_language::text AS config FROM accounts WHERE id = $1`,
    [accountId],
  );
  return rows[0]?.config ?? 'simple';
}

/**
 * The words' lexemes in `config` ('invoices' → 'invoic'), for highlighting what stemming matched;
 * stop words have none. 'simple' keeps the words as they are.
 */
export async function lexemesOf(db: DataSource, config: SearchLanguage, words: string[]): Promise<string[]> {
  if (config === 'simple' || !words.length) return [];
  const rows: { lexeme: string }[] = await db.query(
    `SELECT unnest(tsvector_to_array(to_tsvector(CAST($1 AS regconfig), $2))) AS lexeme`,
    [config, words.join(' ')],
  );
  return rows.map((r) => r.lexeme);
}
