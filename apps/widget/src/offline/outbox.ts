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

export class Outbox {
  private readonly store: UseStore;

  constructor(store?: UseStore) {
    this.store = store ?? createStore('satchel-widget-outbox', 'outbox');
  }

  put(entry: OutboxEntry): Promise<void> {
    return set(entry.id, entry, this.store);
  }

  get(id: string): Promise<OutboxEntry | undefined> {
    return get<OutboxEntry>(id, this.store);
  }

  remove(id: string): Promise<void> {
    return del(id, this.store);
  }

  async forChat(chatId: string): Promise<OutboxEntry[]> {
    const all = await values<OutboxEntry>(this.store);
    return all.filter((e) => e.chatId === chatId).sort((a, b) => a.createdAt - b.createdAt);
  }
}
