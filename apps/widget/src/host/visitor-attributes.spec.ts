import { cleanAttributes, VisitorStore } from './visitor-attributes';

describe('visitor attributes', () => {
  beforeEach(() => localStorage.clear());

  it('keeps plain values, trims strings and drops the rest', () => {
    expect(
      cleanAttributes({
        name: '  Ada  ',
        email: 'ada@example.com',
        plan: 3,
        vip: true,
        empty: ' ',
        nested: { a: 1 },
        fn: () => 1,
        'bad key!': 'x',
      }),
    ).toEqual({ name: 'Ada', email: 'ada@example.com', plan: 3, vip: true });
    expect(cleanAttributes('Ada')).toBeNull();
    expect(cleanAttributes([])).toBeNull();
    expect(cleanAttributes({ nested: {} })).toBeNull();
  });

  it('caps long values', () => {
    expect(cleanAttributes({ note: 'x'.repeat(900) })?.['note']).toHaveLength(500);
  });

  it('merges and keeps attributes per widget key', () => {
    new VisitorStore('wk_a').merge({ name: 'Ada' });
    new VisitorStore('wk_a').merge({ email: 'ada@example.com' });
    expect(new VisitorStore('wk_a').load()).toEqual({ name: 'Ada', email: 'ada@example.com' });
    expect(new VisitorStore('wk_b').load()).toEqual({});
  });
});
