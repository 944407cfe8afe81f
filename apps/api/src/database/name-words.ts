/**
 * The words of a name as a full-text vector (`invoice-3f2a.pdf` → invoice, 3f2a, pdf): what short
 * search terms match by prefix. The migration's index and the queries must spell it identically.
 */
export const NAME_WORDS_SQL = (column: string): string =>
  `to_tsvector('simple', regexp_replace(${column}, '[^[:alnum:]]+', ' ', 'g'))`;
