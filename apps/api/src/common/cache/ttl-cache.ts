/**
 * A per-process cache of promises for hot per-account reads (settings consulted on every upload).
 * Writers call `delete` so this process sees its own changes at once; other processes see them
 * after at most `ttlMs`. A failed load is not cached.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** How stale a cached per-account setting may be in another API process. */
export const SETTINGS_CACHE_MS = 2000;
