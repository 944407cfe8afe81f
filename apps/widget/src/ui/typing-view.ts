import type { MessageDto, ReadReceipt, TypingEvent } from '@satchel/contracts';
import { TYPING_SHOWN_MS } from '@satchel/domain';
import { h } from './dom';
import { i18n, t } from '../i18n/i18n';

/**
 * "Olga is typing…" under the log, and "Seen" under the visitor's newest message an operator has
 * read (placed again whenever messages change).
 */
export class TypingView {
  readonly el = h('div', { class: 'typing', role: 'status' });
  private readonly seen = i18n.bind(h('div', { class: 'seen' }), 'seen');
  private name = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readAt = '';

  constructor(private readonly log: HTMLElement) {
    i18n.bindText(this.el, () => (this.name ? t('typing', { name: this.name }) : ''));
  }

  typing(e: TypingEvent | null): void {
    if (e && e.role === 'visitor') return;
    clearTimeout(this.timer);
    this.name = e?.typing ? e.name : '';
    this.el.textContent = this.name ? t('typing', { name: this.name }) : '';
    if (this.name) this.timer = setTimeout(() => this.typing(null), TYPING_SHOWN_MS);
  }

  read(r: ReadReceipt | undefined, messages: MessageDto[]): void {
    if (r && r.reader.role === 'operator' && r.readAt > this.readAt) this.readAt = r.readAt;
    const m = messages.findLast((x) => x.author.role === 'visitor' && x.createdAt <= this.readAt);
    if (m) this.log.querySelector(`[data-message="${m.id}"]`)?.append(this.seen);
  }
}
