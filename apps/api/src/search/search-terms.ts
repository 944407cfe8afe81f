import type { HighlightSegment } from '@satchel/contracts';

const MAX_WORDS = 8;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer texts are cut to an excerpt this long around the first match. */
export const EXCERPT_CHARS = 240;
const LEAD_CHARS = 60;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The search's words, folded as the index folds them (letters and digits only). */
export function searchWords(q: string): string[] {
  return (fold(q).match(WORD) ?? []).slice(0, MAX_WORDS);
}

/**
 * A prefix tsquery of the words (`inv 20` → `inv:* & 20:*`), or null when there are none. Only
 * letters and digits get through, so user input never carries tsquery syntax.
 */
export function prefixTsQuery(words: string[]): string | null {
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** What to highlight: the words typed and their stems (stemmed `invoices` marks "invoice" as `invoic`). */
export function highlightWords(typed: string[], stems: string[]): string[] {
  return [...new Set([...typed, ...stems])];
}

/**
 * The text split into plain and matched pieces (words starting with a search word), cut to an
 * excerpt around the first match when long. Plain text, never HTML: the client escapes it.
 */
export function highlight(text: string, words: string[]): HighlightSegment[] {
  const matches = [...text.matchAll(WORD)].filter((m) => words.some((w) => fold(m[0]).startsWith(w)));
  const first = matches[0]?.index ?? 0;
  const start = text.length <= EXCERPT_CHARS ? 0 : Math.max(0, first - LEAD_CHARS);
  const end = Math.min(text.length, start + EXCERPT_CHARS);
  const out: HighlightSegment[] = [];
  const push = (s: string, match: boolean) => s && out.push({ text: s, match });
  let at = start;
  for (const m of matches) {
    const from = m.index ?? 0;
    if (from < start || from + m[0].length > end) continue;
    push(text.slice(at, from), false);
    push(m[0], true);
    at = from + m[0].length;
  }
  push(text.slice(at, end), false);
  if (start > 0) out.unshift({ text: '…', match: false });
  if (end < text.length) out.push({ text: '…', match: false });
  return out;
}

/** Marks PostgreSQL's ts_headline puts around matches: control characters extracted text never keeps. */
export const MATCH_START = '\u0002';
export const MATCH_STOP = '\u0003';
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=25, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/** Splits a ts_headline excerpt into plain and matched pieces. */
export function markedSegments(marked: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (const [i, part] of marked.split(new RegExp(`[${MATCH_START}${MATCH_STOP}]`)).entries()) {
    if (part) out.push({ text: part, match: i % 2 === 1 });
  }
  return out;
}
