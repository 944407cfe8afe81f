import { highlight, prefixTsQuery, searchWords } from './search-terms';

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
});
