import { fetchWithProgress, type DownloadProgress } from '@satchel/upload-client';
import { createStore, delMany, get, set, update, type UseStore } from 'idb-keyval';
import { entriesToEvict, touched, type CacheEntry } from './cache-index';

/** Received attachments up to this size are kept in IndexedDB, so they stay viewable offline. */
export const CACHE_MAX_BYTES = 15 * 1024 * 1024;

export interface CacheLimits {
  /** All cached files together; the least recently used go first. */
  totalBytes: number;
  maxFiles: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { totalBytes: 100 * 1024 * 1024, maxFiles: 500 };

const INDEX_KEY = 'satchel:index';

export type Progress = DownloadProgress;

export class FileCache {
  private readonly store: UseStore;
  private readonly inflight = new Map<string, Promise<Blob>>();

  constructor(
    store?: UseStore,
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
  ) {
    this.store = store ?? createStore('satchel-widget-files', 'files');
  }

  /** The attachment's bytes: from the cache, else downloaded (with progress) and cached. */
  blob(id: string, url: string, size: number, onProgress?: Progress): Promise<Blob> {
    const running = this.inflight.get(id);
    if (running && !onProgress) return running;
    const p = this.load(id, url, size, onProgress).finally(() => this.inflight.delete(id));
    this.inflight.set(id, p);
    return p;
  }

  private async load(id: string, url: string, size: number, onProgress?: Progress): Promise<Blob> {
    const cached = await get<Blob>(id, this.store).catch(() => undefined);
    if (cached) {
      onProgress?.(cached.size, cached.size);
      await this.recordUse(id).catch(() => undefined);
      return cached;
    }
    const blob = await fetchWithProgress(url, size, onProgress);
    if (blob.size <= CACHE_MAX_BYTES) await this.keep(id, blob).catch(() => undefined);
    return blob;
  }

  /** Stores the file, then drops the least recently used ones beyond the limits. */
  private async keep(id: string, blob: Blob): Promise<void> {
    await set(id, blob, this.store);
    let evict: string[] = [];
    await update<CacheEntry[]>(
      INDEX_KEY,
      (entries = []) => {
        const next = touched(entries, id, Date.now(), blob.size);
        evict = entriesToEvict(next, this.limits.totalBytes, this.limits.maxFiles);
        return next.filter((e) => !evict.includes(e.id));
      },
      this.store,
    );
    if (evict.length) await delMany(evict, this.store);
  }

  private recordUse(id: string): Promise<void> {
    return update<CacheEntry[]>(INDEX_KEY, (entries = []) => touched(entries, id, Date.now()), this.store);
  }
}
