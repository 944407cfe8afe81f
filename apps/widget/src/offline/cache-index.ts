/** One cached attachment, as the cache's index records it. */
export interface CacheEntry {
  id: string;
  size: number;
  /** Last time it was stored or read (ms since epoch). */
  usedAt: number;
}

/**
 * The least recently used entries to drop so that the rest fits in `budgetBytes` and `maxEntries`.
 * The newest entry is never dropped (a single file larger than the budget is not cached at all).
 */
export function entriesToEvict(entries: CacheEntry[], budgetBytes: number, maxEntries: number): string[] {
  const newestFirst = [...entries].sort((a, b) => b.usedAt - a.usedAt);
  const evict: string[] = [];
  let total = 0;
  newestFirst.forEach((e, i) => {
    total += e.size;
    if (i > 0 && (total > budgetBytes || i >= maxEntries)) {
      evict.push(e.id);
      total -= e.size;
    }
  });
  return evict;
}

/** The index with `id` recorded as just used (added when missing and `size` is given). */
export function touched(entries: CacheEntry[], id: string, now: number, size?: number): CacheEntry[] {
  const found = entries.find((e) => e.id === id);
  if (!found && size === undefined) return entries;
  const rest = entries.filter((e) => e.id !== id);
  return [...rest, { id, size: size ?? found?.size ?? 0, usedAt: now }];
}
