import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';

export interface OutboxFile {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  /** Set once this file is stored on the server, so a resumed send does not upload it twice. */
  attachmentId?: string;
}

/** A message waiting for the network: its text and files survive reloads in IndexedDB. */
export interface OutboxEntry {
  id: string;
  chatId: string;
  text: string;
  fileRequestId?: string;
  files: OutboxFile[];
  createdAt: number;
}

/** What the store keeps: queued messages, or files whose resumable upload a reload may interrupt. */
export interface Kept {
  id: string;
  chatId: string;
  createdAt: number;
}

/** A file being sent through tus: kept so a reload continues its upload from the server's offset. */
export interface PendingUpload extends Kept {
  key: string;
  name: string;
  type: string;
  file: Blob;
  /** The message it goes with, sent once the upload is done. */
  text: string;
}

export class Outbox<T extends Kept = OutboxEntry> {
  private readonly store: UseStore;

  constructor(store?: UseStore) {
    this.store = store ?? createStore('satchel-widget-outbox', 'outbox');
  }

  put(entry: T): Promise<void> {
    return set(entry.id, entry, this.store);
  }

  get(id: string): Promise<T | undefined> {
    return get<T>(id, this.store);
  }

  remove(id: string): Promise<void> {
    return del(id, this.store);
  }

  async forChat(chatId: string): Promise<T[]> {
    const all = await values<T>(this.store);
    return all.filter((e) => e.chatId === chatId).sort((a, b) => a.createdAt - b.createdAt);
  }
}
