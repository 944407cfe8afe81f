import { fetchWithProgress, type DownloadProgress } from '@satchel/upload-client';
import { createStore, get, set, type UseStore } from 'idb-keyval';

/** Received attachments up to this size are kept in IndexedDB, so they stay viewable offline. */
export const CACHE_MAX_BYTES = 15 * 1024 * 1024;

export type Progress = DownloadProgress;

export class FileCache {
  private readonly store: UseStore;
  private readonly inflight = new Map<string, Promise<Blob>>();

  constructor(store?: UseStore) {
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
      return cached;
    }
    const blob = await fetchWithProgress(url, size, onProgress);
    if (blob.size <= CACHE_MAX_BYTES) await set(id, blob, this.store).catch(() => undefined);
    return blob;
  }
}
