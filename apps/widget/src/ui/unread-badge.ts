import { h } from './dom';

const PREVIEW_CHARS = 90;

/** A message preview cut to one short line at a word boundary when it can be. */
export function previewText(text: string, max = PREVIEW_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * While the panel is closed: a count on the launcher and a bubble with the newest message next to it.
 * The bubble can be dismissed on its own (the count stays); opening the panel clears both.
 */
export class UnreadBadge {
  readonly bubble: HTMLElement;
  private readonly count: HTMLElement;
  private readonly who: HTMLElement;
  private readonly text: HTMLElement;
  private n = 0;

  constructor(
    private readonly launcher: HTMLButtonElement,
    open: () => void,
  ) {
    this.count = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
    launcher.append(this.count);
    this.who = h('span', { class: 'who' });
    this.text = h('span', { class: 'text' });
    this.bubble = h(
      'div',
      { class: 'bubble', hidden: true, role: 'status' },
      h(
        'button',
        { type: 'button', class: 'bubble-open', 'aria-label': 'Open chat', onclick: open },
        this.who,
        this.text,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'bubble-dismiss',
          'aria-label': 'Dismiss',
          onclick: () => (this.bubble.hidden = true),
        },
        '×',
      ),
    );
  }

  get unread(): number {
    return this.n;
  }

  /** One more unread message from `who`. */
  add(who: string, text: string): void {
    this.n++;
    this.count.textContent = this.n > 99 ? '99+' : String(this.n);
    this.count.hidden = false;
    this.launcher.setAttribute('aria-label', `Open chat, ${this.n} unread`);
    this.who.textContent = who;
    this.text.textContent = previewText(text);
    this.bubble.hidden = false;
  }

  clear(): void {
    this.n = 0;
    this.count.hidden = true;
    this.count.textContent = '';
    this.bubble.hidden = true;
    this.launcher.setAttribute('aria-label', 'Open chat');
  }
}
