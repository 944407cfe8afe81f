export interface Page<T> {
  items: T[];
  /** Exact up to `COUNT_LIMIT`; beyond it `totalIsLowerBound` is true and the console shows "10,000+". */
  total: number;
  page: number;
  pageSize: number;
  /** True when there are more matches than `total` (the count stopped at its threshold). */
  totalIsLowerBound?: boolean;
  /** Opaque keyset cursor of the next page (pass as `cursor`); null on the last page. */
  nextCursor?: string | null;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
  /** A `nextCursor` from the previous page; wins over `page` and never skips or repeats rows. */
  cursor?: string;
}

/** Counts stop here: exact below, "10,000+" at or above. */
export const COUNT_LIMIT = 10_000;
