import { linkify, safeHref } from './linkify';

describe('linkify', () => {
  it('splits text into plain runs and http(s)/mailto links, leaving trailing punctuation as text', () => {
    expect(linkify('See https://example.test/a?b=1. Or mail mailto:help@example.test!')).toEqual([
      { text: 'See ' },
      { text: 'https://example.test/a?b=1', href: 'https://example.test/a?b=1' },
      { text: '. Or mail ' },
      { text: 'mailto:help@example.test', href: 'mailto:help@example.test' },
      { text: '!' },
    ]);
  });

  it('never links javascript: or data: and keeps line breaks in the text', () => {
    const text = 'javascript:alert(1)\ndata:text/html,<b>x</b>\nhttp://ok.test';
    const parts = linkify(text);
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['http://ok.test/']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('accepts only safe protocols as hrefs', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://x.test')).toBe('https://x.test/');
  });
});
