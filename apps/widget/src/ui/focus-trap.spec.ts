import { wrapIndex } from './focus-trap';

describe('wrapIndex', () => {
  it('moves forward and wraps from the last to the first', () => {
    expect(wrapIndex(3, 0, false)).toBe(1);
    expect(wrapIndex(3, 2, false)).toBe(0);
  });

  it('moves backward and wraps from the first to the last', () => {
    expect(wrapIndex(3, 1, true)).toBe(0);
    expect(wrapIndex(3, 0, true)).toBe(2);
  });

  it('enters from outside at the start (Tab) or the end (Shift+Tab), and stays put alone', () => {
    expect(wrapIndex(3, -1, false)).toBe(0);
    expect(wrapIndex(3, -1, true)).toBe(2);
    expect(wrapIndex(1, 0, false)).toBe(0);
    expect(wrapIndex(0, -1, false)).toBe(-1);
  });
});
