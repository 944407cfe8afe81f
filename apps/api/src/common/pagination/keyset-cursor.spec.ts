import { CURSOR_VALUES, decodeCursor, encodeCursor } from './keyset-cursor';

const ID = '0b7c2f0e-2f55-4a53-9c5d-2c1b1d6f3a10';

describe('keyset cursor', () => {
  it('round-trips a position of the same sort', () => {
    const c = { sort: 'createdAt', order: 'DESC' as const, value: '2026-11-28 00:00:39.909781+00', id: ID };
    expect(decodeCursor(encodeCursor(c), 'createdAt', 'DESC', CURSOR_VALUES.timestamp)).toEqual(c);
  });

  it('refuses garbage, another sort and values PostgreSQL would not cast', () => {
    const enc = (value: unknown, id: unknown = ID) =>
      Buffer.from(JSON.stringify(['createdAt', 'ASC', value, id])).toString('base64url');
    const bad = [
      'x',
      enc('2026-02-30 00:00:00+00'),
      enc('2026-13-01 00:00:00+00'),
      enc('yesterday'),
      enc(null),
      enc('2026-11-28 00:00:00+00', 'not-a-uuid'),
    ];
    for (const raw of bad)
      expect(() => decodeCursor(raw, 'createdAt', 'ASC', CURSOR_VALUES.timestamp)).toThrow();
    expect(() =>
      decodeCursor(enc('2026-11-28 00:00:00+00'), 'createdAt', 'DESC', CURSOR_VALUES.timestamp),
    ).toThrow(/another sort/);
    expect(CURSOR_VALUES.integer('12')).toBe(true);
    expect(CURSOR_VALUES.integer('1e3')).toBe(false);
    expect(CURSOR_VALUES.text('a\u0000b')).toBe(false);
  });
});
