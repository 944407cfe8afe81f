export interface StoredSession {
  chatId: string;
  visitorToken: string;
}

/** The visitor's chat survives reloads: chat id and token live in localStorage, per widget key. */
export class SessionStore {
  constructor(
    private readonly widgetKey: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private get key(): string {
    return `satchel:session:${this.widgetKey}`;
  }

  load(): StoredSession | null {
    try {
      const v = JSON.parse(this.storage.getItem(this.key) ?? 'null') as Partial<StoredSession> | null;
      return v && typeof v.chatId === 'string' && typeof v.visitorToken === 'string'
        ? { chatId: v.chatId, visitorToken: v.visitorToken }
        : null;
    } catch {
      return null;
    }
  }

  save(s: StoredSession): void {
    this.storage.setItem(this.key, JSON.stringify(s));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}
