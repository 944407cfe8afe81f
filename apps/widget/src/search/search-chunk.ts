// `search.js`: searching within the conversation, fetched when the visitor first opens the search
// (its code, styles and strings in every language stay out of widget.js).
import type { MessageDto, MessageSearchPage } from '@satchel/contracts';
import { SearchBar } from './search-bar';
import { SEARCH_CSS } from './search-styles';

/** What the widget gives the search: its log, language, and calls on the visitor's chat. */
export interface SearchHost {
  log: HTMLElement;
  lang: string;
  opener: HTMLElement;
  /** A GET on the chat (`path` after `/v1/chats/:id`) with the visitor's token. */
  get: <T>(path: string) => Promise<T>;
  /** Shows an older message in the log. */
  show: (m: MessageDto) => void;
  /** The oldest message shown. */
  oldest: () => string | undefined;
}

let open: SearchBar | null = null;
const styled = new WeakSet<ShadowRoot>();

/** Opens the search bar above the log (or focuses the one already open). */
export function openSearch(root: ShadowRoot, host: SearchHost): void {
  if (!styled.has(root)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SEARCH_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    styled.add(root);
  }
  if (!open?.el.isConnected) {
    open = new SearchBar(
      {
        ...host,
        find: (q, cursor) =>
          host.get<MessageSearchPage>(
            `/search?limit=50&${new URLSearchParams(cursor ? { q, cursor } : { q })}`,
          ),
        older: async () => {
          const before = host.oldest();
          const page = await host.get<MessageDto[]>(
            `/messages?limit=100${before ? `&before=${before}` : ''}`,
          );
          page.forEach(host.show);
          return page.length > 0;
        },
      },
      () => (open = null),
    );
    host.log.before(open.el);
  }
  open.focus();
}
