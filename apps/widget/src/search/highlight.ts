const WORD = /[\p{L}\p{N}]+/gu;
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The search's words, folded as the server folds them (letters and digits only, at most 8). */
export function searchWords(q: string): string[] {
  return (fold(q).match(WORD) ?? []).slice(0, 8);
}

/** Where words starting with one of `words` are in `text` ([start, end) offsets), like the server's prefix match. */
export function matchRanges(text: string, words: string[]): [number, number][] {
  if (!words.length) return [];
  const out: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const at = m.index ?? 0;
    if (words.some((w) => fold(m[0]).startsWith(w))) out.push([at, at + m[0].length]);
  }
  return out;
}

/**
 * Wraps the matches in `el`'s text in `<mark>`, across the text nodes it is split into (links,
 * a file name's wrap points); returns the marks made. Text only: nothing is parsed as HTML.
 */
export function markMatches(el: Element, words: string[]): HTMLElement[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const ranges = matchRanges(nodes.map((n) => n.data).join(''), words);
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of nodes) {
    const start = offset;
    offset += node.data.length;
    const inside = ranges
      .map(([a, b]): [number, number] => [Math.max(a, start) - start, Math.min(b, offset) - start])
      .filter(([a, b]) => a < b);
    const mine: HTMLElement[] = [];
    // From the end, so the earlier offsets stay valid as the node is split.
    for (const [a, b] of inside.reverse()) {
      const piece = node.splitText(a);
      piece.splitText(b - a);
      const mark = document.createElement('mark');
      piece.replaceWith(mark);
      mark.append(piece);
      mine.unshift(mark);
    }
    marks.push(...mine);
  }
  return marks;
}

/** Takes the marks out of `root` again, leaving its text as it was. */
export function unmark(root: Element): void {
  for (const mark of root.querySelectorAll('mark')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
