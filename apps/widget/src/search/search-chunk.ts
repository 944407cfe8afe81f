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
  /** A GET on the chat (`path` after `/v1/chats/:id`) with the visitor's token, and its `X-Next-Cursor`. */
  get: <T>(path: string) => Promise<[T, string | null]>;
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
        find: async (q, cursor) =>
          (
            await host.get<MessageSearchPage>(
              `/search?limit=50&${new URLSearchParams(cursor ? { q, cursor } : { q })}`,
            )
          )[0],
        older: olderPages(host),
      },
      () => (open = null),
    );
    host.log.before(open.el);
  }
  open.focus();
}

/**
 * The next older page each call (false once there is none): from the oldest message shown, then by
 * the API's cursor, so messages arriving meanwhile neither repeat nor hide one.
 */
export function olderPages(host: Pick<SearchHost, 'get' | 'show' | 'oldest'>): () => Promise<boolean> {
  let cursor: string | null | undefined;
  return async () => {
    if (cursor === null) return false;
    const before = host.oldest();
    const at: Record<string, string> = cursor ? { cursor } : before ? { before } : {};
    const [page, next] = await host.get<MessageDto[]>(
      `/messages?${new URLSearchParams({ limit: '100', ...at })}`,
    );
    page.forEach(host.show);
    cursor = next;
    return page.length > 0;
  };
}
