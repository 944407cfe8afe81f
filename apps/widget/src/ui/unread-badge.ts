import { h } from './dom';
import { i18n, t } from '../i18n/i18n';

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
  private key: string | null = null;
  private storage: Storage | null = null;

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
      h('button', { type: 'button', class: 'bubble-open', onclick: open }, this.who, this.text),
      h(
        'button',
        {
          type: 'button',
          class: 'bubble-dismiss',
          onclick: () => this.dismiss(),
        },
        '×',
      ),
    );
    const [openButton, dismissButton] = [...this.bubble.children];
    if (openButton) i18n.bind(openButton, 'openChat', undefined, 'aria-label');
    if (dismissButton) i18n.bind(dismissButton, 'dismiss', undefined, 'aria-label');
    i18n.bindText(launcher, () => this.launcherLabel(), 'aria-label');
  }

  private launcherLabel(): string {
    return this.n ? t('openChatUnread', { n: this.n }) : t('openChat');
  }

  get unread(): number {
    return this.n;
  }

  /**
   * Keeps the count and preview under `key` (per chat) so they survive the visitor moving to another
   * page of the host site; shows what was kept there.
   */
  keepAs(key: string, storage: Storage = localStorage): void {
    this.key = key;
    this.storage = storage;
    this.show(0, '', '');
    try {
      const kept = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Kept> | null;
      if (kept && typeof kept.n === 'number' && kept.n > 0)
        this.show(Math.floor(kept.n), String(kept.who ?? ''), String(kept.text ?? ''), !!kept.dismissed);
    } catch {
      storage.removeItem(key);
    }
  }

  /** One more unread message from `who`. */
  add(who: string, text: string): void {
    this.show(this.n + 1, who, previewText(text));
    this.save(false);
  }

  clear(): void {
    this.show(0, '', '');
    if (this.key) this.storage?.removeItem(this.key);
  }

  private save(dismissed: boolean): void {
    if (!this.key || !this.storage) return;
    const kept: Kept = {
      n: this.n,
      who: this.who.textContent ?? '',
      text: this.text.textContent ?? '',
      dismissed,
    };
    try {
      this.storage.setItem(this.key, JSON.stringify(kept));
    } catch {
      // Storage full: the badge still works on this page.
    }
  }

  private show(n: number, who: string, text: string, dismissed = false): void {
    this.n = n;
    if (!n) {
      this.count.hidden = true;
      this.count.textContent = '';
      this.bubble.hidden = true;
      this.launcher.setAttribute('aria-label', this.launcherLabel());
      return;
    }
    this.count.textContent = this.n > 99 ? `${i18n.number(99)}+` : i18n.number(this.n);
    this.count.hidden = false;
    this.launcher.setAttribute('aria-label', this.launcherLabel());
    this.who.textContent = who;
    this.text.textContent = text;
    this.bubble.hidden = dismissed;
  }

  private dismiss(): void {
    this.bubble.hidden = true;
    this.save(true);
  }
}

interface Kept {
  n: number;
  who: string;
  text: string;
  dismissed: boolean;
}
