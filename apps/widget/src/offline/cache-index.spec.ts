import { entriesToEvict, touched, type CacheEntry } from './cache-index';

const MB = 1024 * 1024;
const entry = (id: string, size: number, usedAt: number): CacheEntry => ({ id, size, usedAt });

describe('file cache index', () => {
  it('evicts the least recently used files until the rest fits the byte budget', () => {
    const entries = [entry('old', 40 * MB, 1), entry('mid', 40 * MB, 2), entry('new', 40 * MB, 3)];
    expect(entriesToEvict(entries, 100 * MB, 1000)).toEqual(['old']);
    expect(entriesToEvict(entries, 50 * MB, 1000)).toEqual(['mid', 'old']);
  });

  it('keeps small recent files even when a big older one must go', () => {
    const entries = [
      entry('big', 90 * MB, 1),
      entry('a', 5 * MB, 2),
      entry('b', 5 * MB, 3),
      entry('c', 5 * MB, 4),
    ];
    expect(entriesToEvict(entries, 100 * MB, 1000)).toEqual(['big']);
  });

  it('caps the number of files', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(`f${i}`, 1, i));
    expect(entriesToEvict(entries, 100 * MB, 3)).toEqual(['f1', 'f0']);
  });

  it('never evicts the newest entry', () => {
    expect(entriesToEvict([entry('huge', 500 * MB, 1)], 100 * MB, 10)).toEqual([]);
  });

  it('records a read as a use, and a new file with its size', () => {
    const list = [entry('a', 10, 1), entry('b', 20, 2)];
    expect(touched(list, 'a', 9)).toEqual([entry('b', 20, 2), entry('a', 10, 9)]);
    expect(touched(list, 'c', 9, 30)).toEqual([...list, entry('c', 30, 9)]);
    expect(touched(list, 'unknown', 9)).toBe(list);
  });
});
