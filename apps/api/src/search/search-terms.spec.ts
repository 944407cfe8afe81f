import { highlight, highlightWords, prefixTsQuery, searchWords } from './search-terms';
import { textTsQuery } from './search-language';

describe('search terms', () => {
  it('keeps only letters and digits, folded, as prefix terms', () => {
    expect(prefixTsQuery(searchWords("Inv' & 20:* | !GERÄT"))).toBe('inv:* & 20:* & gerät:*');
    expect(prefixTsQuery(searchWords('&|!:*()'))).toBeNull();
  });

  it('marks words that start with a search word, as plain text', () => {
    expect(highlight('Which invoice? <b>two</b> invoices', ['inv'])).toEqual([
      { text: 'Which ', match: false },
      { text: 'invoice', match: true },
      { text: '? <b>two</b> ', match: false },
      { text: 'invoices', match: true },
    ]);
  });

  it('cuts long texts to an excerpt around the first match', () => {
    const text = `${'a '.repeat(300)}needle ${'b '.repeat(300)}`;
    const segs = highlight(text, ['needle']);
    expect(segs[0]).toEqual({ text: '…', match: false });
    expect(segs.at(-1)).toEqual({ text: '…', match: false });
    expect(segs.filter((s) => s.match)).toEqual([{ text: 'needle', match: true }]);
    expect(segs.map((s) => s.text).join('').length).toBeLessThan(250);
  });

  it('marks the stems of a stemmed search too', () => {
    const words = highlightWords(['invoices'], ['invoic']);
    expect(words).toEqual(['invoices', 'invoic']);
    const marked = highlight('I sent the invoice, they invoiced twice', words).filter((s) => s.match);
    expect(marked.map((s) => s.text)).toEqual(['invoice', 'invoiced']);
    expect(highlightWords(['inv'], [])).toEqual(['inv']);
  });

  it('normalises the prefix query in the bound language', () => {
    expect(textTsQuery('tsquery')).toBe('to_tsquery(CAST(:config AS regconfig), :tsquery)');
  });
});
