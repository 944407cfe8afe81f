/** A run of message text: plain, or a link with the only hrefs a message may carry. */
export interface TextPart {
  text: string;
  href?: string;
}

const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"']+/gi;
/** Punctuation that ends a sentence rather than the address ("see https://x.test/a."). */
const TRAILING = /[.,;:!?)\]}'"]+$/;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The href for a link candidate, or null: only http(s) and mailto, never `javascript:` or `data:`. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits text into plain runs and http(s)/mailto links (rendered as DOM nodes, never as HTML). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    const at = match.index ?? 0;
    if (!href || !raw) continue;
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ text: raw, href });
    from = at + raw.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
