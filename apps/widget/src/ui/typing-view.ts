import type { MessageDto, ReadReceipt, TypingEvent } from '@satchel/contracts';
import { TYPING_SHOWN_MS, TypingThrottle } from '@satchel/domain';
import { h } from './dom';
import { setTime } from './time';
import type { I18n } from '../i18n/i18n';

/**
 * "Olga is typing…" under the log, "Seen" under the visitor's newest message an operator has read,
 * and the visitor's own typing sent throttled. A chunk loaded after connecting (`receipts.js`), so
 * it is handed the page's one `i18n`.
 */
export class TypingView {
  readonly el = h('div', { class: 'typing', role: 'status' });
  private readonly seen = h('div', { class: 'seen' });
  private readonly out: TypingThrottle;
  private name = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readAt = '';

  constructor(
    private readonly log: HTMLElement,
    private readonly i18n: I18n,
    send: (typing: boolean) => void,
  ) {
    this.out = new TypingThrottle(send);
    // Styled through the CSSOM: the host page's CSP may refuse style attributes.
    this.el.style.cssText =
      'padding:0 12px;font:italic 12px sans-serif;color:#667;min-height:1.2em;background:#f6f7fb';
    this.seen.style.cssText = 'font-size:10px;color:#667;text-align:end';
    i18n.bind(this.seen, 'seen');
    i18n.bindText(this.el, () => this.label());
    log.after(this.el);
    // Relative times ("2 min ago") move on.
    setInterval(() => log.querySelectorAll('time').forEach((t) => setTime(t, i18n.tag)), 30_000);
  }

  /** The visitor typed a key (their sent message ends the indicator on the operator's side). */
  input(): void {
    this.out.input();
  }

  typing(e: TypingEvent | null): void {
    if (e && e.role === 'visitor') return;
    clearTimeout(this.timer);
    this.name = e?.typing ? e.name : '';
    this.el.textContent = this.label();
    if (this.name) this.timer = setTimeout(() => this.typing(null), TYPING_SHOWN_MS);
  }

  read(r: ReadReceipt | undefined, messages: MessageDto[]): void {
    if (r && r.reader.role === 'operator' && r.readAt > this.readAt) this.readAt = r.readAt;
    const m = messages.findLast((x) => x.author.role === 'visitor' && x.createdAt <= this.readAt);
    if (m) this.log.querySelector(`[data-message="${m.id}"]`)?.append(this.seen);
  }

  private label(): string {
    return this.name ? this.i18n.t('typing', { name: this.name }) : '';
  }
}
