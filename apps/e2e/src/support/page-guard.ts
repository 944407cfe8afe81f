import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export interface PageGuardOptions {
  /** Requests one page may send to the same URL (query included) before it counts as runaway. */
  maxRequestsPerUrl?: number;
  /** Console errors a test expects. */
  allowConsoleErrors?: RegExp[];
  /**
   * Also fail on the browser's own "Failed to load resource … status of 4xx" lines. Off by default:
   * refusals (401, 413, 415…) are answers the page handles and tests provoke; 5xx always fail.
   */
  failOnClientErrors?: boolean;
}

const CLIENT_ERROR_LINE = /^Failed to load resource: the server responded with a status of 4\d\d\b/;
/** What the browser logs for requests while a test has taken it offline (`setOffline(true)`). */
const OFFLINE_LINE = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED\b/;

/** Generous for real pages (a list reloaded a few times), far below a change-detection loop. */
export const DEFAULT_MAX_REQUESTS_PER_URL = 25;

interface Guard {
  problems: string[];
  requests: Map<string, number>;
  checked: boolean;
}

const guards = new Map<Page, Guard>();

/**
 * Records what a user would call broken: uncaught page errors, `console.error`, and the same URL
 * requested over and over. `checkPage` (also run when the page's context is closed) throws on any.
 */
export function guardPage(page: Page, options: PageGuardOptions = {}): void {
  const max = options.maxRequestsPerUrl ?? DEFAULT_MAX_REQUESTS_PER_URL;
  const allowed = options.allowConsoleErrors ?? [];
  const guard: Guard = { problems: [], requests: new Map(), checked: false };
  guards.set(page, guard);
  page.on('pageerror', (err) => guard.problems.push(`page error: ${err.message}`));
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    if (!options.failOnClientErrors && CLIENT_ERROR_LINE.test(msg.text())) return;
    if (OFFLINE_LINE.test(msg.text())) return;
    const text = `${msg.text()} (${msg.location().url || 'no location'})`;
    if (!allowed.some((re) => re.test(text))) guard.problems.push(`console.error: ${text}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    const n = (guard.requests.get(url) ?? 0) + 1;
    guard.requests.set(url, n);
    if (n === max + 1) guard.problems.push(`runaway requests: more than ${max} × ${req.method()} ${url}`);
  });
  wrapClose(page.context());
}

/** How many requests the page sent to URLs matching `pattern` so far. */
export function requestCount(page: Page, pattern: RegExp): number {
  let n = 0;
  for (const [url, count] of guards.get(page)?.requests ?? []) if (pattern.test(url)) n += count;
  return n;
}

/** Throws if the page logged errors or flooded a URL. */
export function checkPage(page: Page): void {
  const guard = guards.get(page);
  if (!guard) return;
  guard.checked = true;
  guards.delete(page);
  if (guard.problems.length) {
    throw new Error(`The page ${page.url()} misbehaved:\n  ${guard.problems.slice(0, 10).join('\n  ')}`);
  }
}

/** Checks every guarded page not checked yet (for pages whose context a test never closed). */
export function checkAllPages(): void {
  const errors: string[] = [];
  for (const page of [...guards.keys()]) {
    try {
      checkPage(page);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length) throw new Error(errors.join('\n'));
}

const wrapped = new WeakSet<BrowserContext>();

function wrapClose(context: BrowserContext): void {
  if (wrapped.has(context)) return;
  wrapped.add(context);
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext['close']>) => {
    const pages = context.pages().filter((p) => guards.has(p));
    await close(...args);
    for (const p of pages) checkPage(p);
  };
}
