import { fullTime, relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = Date.UTC(2026, 0, 10, 12, 0, 0);
  it('says "now", minutes, hours, days, then a date, in the language given', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(relativeTime(now - 2 * 60_000, now, 'en')).toBe('2 min. ago');
    expect(relativeTime(now - 3 * 3600_000, now, 'en')).toBe('3 hr. ago');
    expect(relativeTime(now - 2 * 86400_000, now, 'de')).toBe('vor 2 Tagen');
    expect(relativeTime(now - 30 * 86400_000, now, 'en')).toMatch(/Dec.* 2025/);
    expect(fullTime(now, 'en')).toMatch(/2026/);
  });
});
