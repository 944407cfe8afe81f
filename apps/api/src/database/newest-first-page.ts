import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { cappedCount } from './capped-count';

export interface NewestFirstPage<T> {
  rows: T[];
  /** Each row's `created_at` as PostgreSQL prints it (microseconds kept), for the next cursor. */
  sortKeys: string[];
  hasMore: boolean;
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * One page of a filtered query, newest first by `<alias>.created_at` with the id as tie-breaker:
 * after a keyset position when given (stable under inserts), else at `skip`; with a capped count.
 */
export async function newestFirstPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  p: { skip: number; take: number; after?: { value: string; id: string } },
): Promise<NewestFirstPage<T>> {
  const page = qb.clone().addSelect(`${alias}.created_at::text`, 'sort_key');
  if (p.after) {
    page.andWhere(`(${alias}.created_at, ${alias}.id) < (CAST(:afterValue AS timestamptz), :afterId)`, {
      afterValue: p.after.value,
      afterId: p.after.id,
    });
  } else page.offset(p.skip);
  page
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(p.take + 1);
  const [{ entities, raw }, count] = await Promise.all([
    page.getRawAndEntities<{ sort_key: string }>(),
    cappedCount(qb),
  ]);
  return {
    rows: entities.slice(0, p.take),
    sortKeys: raw.slice(0, p.take).map((r) => r.sort_key),
    hasMore: entities.length > p.take,
    ...count,
  };
}
