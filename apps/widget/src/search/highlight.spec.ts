import { WIDGET_LOCALES } from '@satchel/contracts';
import { markMatches, matchRanges, searchWords, unmark } from './highlight';
import { SEARCH_STRINGS, searchText } from './search-strings';

describe('search highlighting', () => {
  it('matches words by prefix, folded like the server', () => {
    expect(searchWords('  INV, 47!')).toEqual(['inv', '47']);
    expect(matchRanges('My invoice 4711 and Invoices', ['inv'])).toEqual([
      [3, 10],
      [20, 28],
    ]);
    expect(matchRanges('nothing', [])).toEqual([]);
  });

  it('marks matches across text nodes and takes the marks out again', () => {
    const el = document.createElement('div');
    el.append('zeldas-rece', Object.assign(document.createElement('span'), { textContent: 'ipt.png' }));
    const marks = markMatches(el, ['receipt']);
    expect(marks.map((m) => m.textContent)).toEqual(['rece', 'ipt']);
    expect(el.textContent).toBe('zeldas-receipt.png');
    unmark(el);
    expect(el.querySelector('mark')).toBeNull();
    expect(el.innerHTML).toBe('zeldas-rece<span>ipt.png</span>');
  });

  it('marks text as text, never as HTML', () => {
    const el = document.createElement('div');
    el.textContent = 'see <b>invoice</b>';
    markMatches(el, ['b', 'inv']);
    expect(el.querySelectorAll('b')).toHaveLength(0);
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['b', 'invoice', 'b']);
  });
});

describe('search strings', () => {
  it('exist in every widget language with the same placeholders', () => {
    expect(Object.keys(SEARCH_STRINGS).sort()).toEqual([...WIDGET_LOCALES].sort());
    const keys = Object.keys(SEARCH_STRINGS.en).sort();
    for (const strings of Object.values(SEARCH_STRINGS)) {
      expect(Object.keys(strings).sort()).toEqual(keys);
      expect(strings.count).toContain('{i}');
      expect(strings.count).toContain('{n}');
    }
    expect(searchText('de', 'count', { i: '2', n: '5' })).toBe('2 von 5');
    expect(searchText('ja', 'none')).toBe('No matches');
  });
});
