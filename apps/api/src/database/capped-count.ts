import { COUNT_LIMIT } from '@satchel/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Counts the rows of a filtered query, stopping at `limit`: an exact count of a million rows
 * costs hundreds of milliseconds, "10,000+" costs a few.
 */
export async function cappedCount<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  limit = COUNT_LIMIT,
): Promise<{ total: number; totalIsLowerBound: boolean }> {
  const inner = qb
    .clone()
    .orderBy()
    .skip(undefined)
    .take(undefined)
    .select('1')
    .limit(limit + 1);
  const [sql, params] = inner.getQueryAndParameters();
  const rows: { n: number }[] = await qb.connection.query(
    `SELECT COUNT(*)::int AS n FROM (${sql}) AS capped`,
    params,
  );
  const count = rows[0].n;
  return { total: Math.min(count, limit), totalIsLowerBound: count > limit };
}
