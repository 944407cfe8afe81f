import { formatNumber } from './format';

/** The start of an ICU plural block: `{count, plural, one {# file} other {# files}}`. */
const START = /\{\s*(\w+)\s*,\s*plural\s*,/g;
const SELECTOR = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** Index of the `}` closing the `{` at `open` (braces nest), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branches of one block's body: `=0 {…} one {…} other {…}`. */
function branches(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  for (;;) {
    SELECTOR.lastIndex = at;
    const m = SELECTOR.exec(body);
    if (!m) return out;
    const open = SELECTOR.lastIndex - 1;
    const end = closing(body, open);
    if (end < 0) return out;
    out.set(m[1], body.slice(open + 1, end));
    at = end + 1;
  }
}

/**
 * Replaces each ICU `plural` block by the branch the language's plural rules pick for the
 * parameter (`=N` first, then zero/one/two/few/many, then `other`); `#` is the number in the
 * language's digits. Text without blocks comes back unchanged.
 */
export function pluralize(text: string, params: Record<string, unknown>, lang: string): string {
  let out = '';
  let from = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const end = closing(text, m.index);
    if (end < 0) break;
    const n = Number(params[m[1]]);
    const forms = branches(text.slice(START.lastIndex, end));
    const form =
      forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(lang).select(n)) ?? forms.get('other') ?? '';
    out += text.slice(from, m.index) + form.replace(/#/g, formatNumber(n, lang));
    from = end + 1;
    START.lastIndex = from;
  }
  return out + text.slice(from);
}
