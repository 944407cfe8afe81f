import type { StoredSession } from './session-store';

export interface EarlierChat extends StoredSession {
  /** When the conversation last had a message (ISO), else when it was put away. */
  endedAt: string;
  /** The last message, as a one-line hint in the list. */
  preview: string;
}

const KEEP = 10;

/**
 * The visitor's ended conversations in this browser, newest first, with the token that still reads
 * them (a visitor token reads its own closed chat; it can no longer write to it).
 */
export class EarlierChats {
  constructor(
    private readonly widgetKey: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private get key(): string {
    return `satchel:history:${this.widgetKey}`;
  }

  list(): EarlierChat[] {
    try {
      const v = JSON.parse(this.storage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(v) ? v.filter(isEarlierChat) : [];
    } catch {
      return [];
    }
  }

  /** Adds an ended chat at the top; the oldest beyond ten are forgotten with their cached messages. */
  add(chat: EarlierChat): void {
    const all = [chat, ...this.list().filter((c) => c.chatId !== chat.chatId)];
    for (const dropped of all.slice(KEEP)) this.storage.removeItem(`satchel:messages:${dropped.chatId}`);
    try {
      this.storage.setItem(this.key, JSON.stringify(all.slice(0, KEEP)));
    } catch {
      // Storage full: the list only lives for this page.
    }
  }
}

function isEarlierChat(v: unknown): v is EarlierChat {
  const c = v as Partial<EarlierChat> | null;
  return (
    !!c &&
    typeof c.chatId === 'string' &&
    typeof c.visitorToken === 'string' &&
    typeof c.endedAt === 'string' &&
    typeof c.preview === 'string'
  );
}
