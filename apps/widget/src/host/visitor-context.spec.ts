import { browserAndOs, localIso } from './visitor-context';

describe('browserAndOs', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'Linux' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0.2210',
      { browser: 'Edge 120', os: 'Windows' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17', os: 'iOS' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:121.0) Gecko/20100101 Firefox/121.0',
      { browser: 'Firefox 121', os: 'macOS' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android' },
    ],
    ['curl/8.0', {}],
  ])('%s', (ua, expected) => {
    expect(browserAndOs(ua)).toEqual(expected);
  });
});

describe('localIso', () => {
  it('writes the wall-clock time with the offset', () => {
    expect(localIso(new Date(2026, 10, 28, 9, 5, 7))).toMatch(/^2026-11-28T09:05:07[+-]\d\d:\d\d$/);
  });
});
