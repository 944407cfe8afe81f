import type { AttachmentPreviewInfo, FileRequestDto, MessageDto } from '@satchel/contracts';
import type { AttachmentViewDeps } from './attachment-view';
import { messageView, requestView, type RequestActions } from './message-view';

const CACHE_LIMIT = 100;

/** What a message's view is drawn from (signed URLs change on every fetch and do not count). */
const looks = (m: MessageDto): string =>
  JSON.stringify([m.text, m.attachments.map((a) => [a.id, a.preview.status])]);

/** The message log: messages in order by time (deduplicated by id), file requests shown on their message. */
export class Conversation {
  private readonly messages = new Map<string, MessageDto>();
  private readonly views = new Map<string, HTMLElement>();
  private readonly requests = new Map<string, FileRequestDto>();

  constructor(
    private readonly log: HTMLElement,
    private readonly deps: AttachmentViewDeps,
    private readonly actions: RequestActions,
    private readonly cacheKey: string,
    private readonly onChange: () => void,
  ) {}

  /** Shows the messages kept from the last visit (the conversation stays readable offline). */
  restore(): void {
    try {
      const cached = JSON.parse(localStorage.getItem(this.cacheKey) ?? '[]') as MessageDto[];
      for (const m of cached) this.upsert(m, false);
    } catch {
      localStorage.removeItem(this.cacheKey);
    }
  }

  /**
   * Adds a message, or redraws a shown one the server now describes differently (a copy kept
   * offline may predate its attachments' previews); true when it was new.
   */
  upsert(m: MessageDto, persist = true): boolean {
    const shown = this.messages.get(m.id);
    if (shown) {
      if (looks(shown) !== looks(m)) this.redraw(m);
      return false;
    }
    this.messages.set(m.id, m);
    const view = messageView(m, this.deps);
    this.views.set(m.id, view);
    // The earliest later one: older pages arrive after newer messages.
    const later = this.all().find((o) => o.createdAt > m.createdAt);
    const before = later ? this.views.get(later.id) : null;
    const outbox = this.log.querySelector('[data-outbox]');
    if (before) this.log.insertBefore(view, before);
    else if (outbox) this.log.insertBefore(view, outbox);
    else this.log.append(view);
    this.decorate(m.id);
    if (persist) this.persist();
    this.onChange();
    return true;
  }

  /** A preview was made: the copy kept offline says so too (the views update themselves). */
  previewed(attachmentId: string, preview: AttachmentPreviewInfo): void {
    for (const m of this.messages.values())
      for (const a of m.attachments) if (a.id === attachmentId) a.preview = preview;
    this.persist();
  }

  private redraw(m: MessageDto): void {
    this.messages.set(m.id, m);
    const view = messageView(m, this.deps);
    this.views.get(m.id)?.replaceWith(view);
    this.views.set(m.id, view);
    this.decorate(m.id);
    this.persist();
  }

  /** The messages shown, oldest first. */
  all(): MessageDto[] {
    return [...this.messages.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  setRequest(r: FileRequestDto): void {
    this.requests.set(r.id, r);
    if (r.messageId) this.decorate(r.messageId);
  }

  openRequests(): FileRequestDto[] {
    return [...this.requests.values()].filter((r) => r.status === 'open');
  }

  private decorate(messageId: string): void {
    const view = this.views.get(messageId);
    if (!view) return;
    view.querySelector('[data-request]')?.remove();
    const r = [...this.requests.values()].find((x) => x.messageId === messageId);
    if (r) view.append(requestView(r, this.actions));
  }

  private persist(): void {
    const all = [...this.messages.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(-CACHE_LIMIT);
    try {
      localStorage.setItem(this.cacheKey, JSON.stringify(all));
    } catch {
      // Storage full: the conversation still works, only without the offline copy.
    }
  }
}
