import type { MessageSearchPage } from '@satchel/contracts';
import { PREVIEW_LOADED } from '../ui/attachment-view';
import { h } from '../ui/dom';
import { markMatches, searchWords, unmark } from './highlight';
import { searchText, type SearchKey } from './search-strings';

export interface SearchDeps {
  /** The message log the matches are marked in. */
  log: HTMLElement;
  /** The widget's language (`de`, `ar`…): the chunk carries its own strings. */
  lang: string;
  /** Where focus goes back when the search closes. */
  opener: HTMLElement;
  /** One page of the API's in-chat search (newest first). */
  find: (q: string, cursor: string | null) => Promise<MessageSearchPage>;
  /** Loads the next older page of messages into the log; false when there is none. */
  older: () => Promise<boolean>;
}

/** Pages of hits fetched for one search at most (50 each): the count says "n of 250" beyond. */
const MAX_PAGES = 5;

/**
 * The search bar above the log: hits from the server, matches marked in the messages and file
 * names; Enter/↑ go to the older match, Shift+Enter/↓ to the newer one, Escape closes.
 */
export class SearchBar {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly status = h('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
  private hits: string[] = [];
  private index = -1;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly d: SearchDeps,
    private readonly closed: () => void,
  ) {
    const label = this.text('field');
    this.input = h('input', { type: 'search', 'aria-label': label, placeholder: label, autocomplete: 'off' });
    this.el = h(
      'div',
      { class: 'search-bar', role: 'search' },
      this.input,
      this.status,
      this.button('prev', '▲', () => void this.step(1)),
      this.button('next', '▼', () => void this.step(-1)),
      this.button('close', '×', () => this.close()),
    );
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), 250);
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    d.log.addEventListener(PREVIEW_LOADED, this.keepInView);
  }

  /** A preview loading above makes the log scroll to its end: the current match comes back. */
  private readonly keepInView = () =>
    this.d.log.querySelector('.search-current')?.scrollIntoView({ block: 'center' });

  focus(): void {
    this.input.focus();
  }

  close(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.clearMarks();
    this.d.log.removeEventListener(PREVIEW_LOADED, this.keepInView);
    this.el.remove();
    this.closed();
    this.d.opener.focus();
  }

  private onKey(e: KeyboardEvent): void {
    const moves: Record<string, number> = { Enter: e.shiftKey ? -1 : 1, ArrowUp: 1, ArrowDown: -1 };
    if (e.key === 'Escape') {
      // The panel closes on Escape: here it only closes the search.
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (e.key in moves) {
      e.preventDefault();
      clearTimeout(this.timer);
      const q = this.input.value;
      void (this.hits.length || !q.trim() ? this.step(moves[e.key] ?? 1) : this.run());
    }
  }

  /** Searches anew (later searches win over slower earlier ones) and goes to the newest match. */
  private async run(): Promise<void> {
    const mine = ++this.seq;
    const q = this.input.value;
    this.clearMarks();
    this.hits = [];
    this.index = -1;
    if (!searchWords(q).length) return this.say('');
    const ids: string[] = [];
    try {
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res: MessageSearchPage = await this.d.find(q, cursor);
        if (mine !== this.seq) return;
        ids.push(...res.items.map((i) => i.message.id));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
    } catch {
      if (mine === this.seq) this.say(this.text('failed'));
      return;
    }
    this.hits = ids;
    this.markShown();
    if (!ids.length) return this.say(this.text('none'));
    await this.go(0, mine);
  }

  private async step(by: number): Promise<void> {
    const n = this.hits.length;
    if (n) await this.go((((this.index + by) % n) + n) % n, this.seq);
  }

  /** Shows match `i`: loads older pages until its message is in the log, then scrolls it into view. */
  private async go(i: number, mine: number): Promise<void> {
    this.index = i;
    const id = this.hits[i] ?? '';
    let view = this.view(id);
    while (!view && (await this.d.older().catch(() => false))) {
      if (mine !== this.seq) return;
      this.markShown();
      view = this.view(id);
    }
    if (mine !== this.seq) return;
    for (const el of this.d.log.querySelectorAll('.search-current')) el.classList.remove('search-current');
    this.say(this.text('count', { i: this.num(i + 1), n: this.num(this.hits.length) }));
    if (!view) return;
    view.classList.add('search-current');
    view.scrollIntoView({ block: 'center' });
  }

  /** Marks the hits whose messages are in the log and not marked yet. */
  private markShown(): void {
    const words = searchWords(this.input.value);
    for (const id of this.hits) {
      const view = this.view(id);
      if (!view || view.classList.contains('search-hit')) continue;
      view.classList.add('search-hit');
      for (const part of view.querySelectorAll('.text, .name')) markMatches(part, words);
    }
  }

  private clearMarks(): void {
    unmark(this.d.log);
    for (const el of this.d.log.querySelectorAll('.search-hit'))
      el.classList.remove('search-hit', 'search-current');
  }

  private view(id: string): HTMLElement | null {
    return id ? this.d.log.querySelector<HTMLElement>(`[data-message="${CSS.escape(id)}"]`) : null;
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private text(key: SearchKey, params?: Record<string, string>): string {
    return searchText(this.d.lang, key, params);
  }

  private num(n: number): string {
    return new Intl.NumberFormat(this.d.lang).format(n);
  }

  private button(key: SearchKey, glyph: string, onclick: () => void): HTMLButtonElement {
    const label = this.text(key);
    return h('button', { type: 'button', class: key, 'aria-label': label, title: label, onclick }, glyph);
  }
}
