import { formatDate, formatSize } from './format';
import { resolveLang } from './langs';

describe('console language and formats', () => {
  it('keeps a saved choice, else takes the first browser language it speaks, else English', () => {
    expect(resolveLang('ar', ['de-DE'])).toBe('ar');
    expect(resolveLang(null, ['it-IT', 'de-AT', 'fr'])).toBe('de');
    expect(resolveLang('xx', ['pt-BR'])).toBe('pt');
    expect(resolveLang(null, ['ja', 'it'])).toBe('en');
  });

  it('writes sizes with the language’s decimal mark and unit', () => {
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(1536, 'de')).toBe('1,5 KB');
    expect(formatSize(5 * 1024 * 1024, 'fr')).toBe('5 Mo');
    expect(formatSize(10, 'en')).toBe('10 B');
  });

  it('writes dates in the language’s order', () => {
    const d = new Date(2026, 10, 27, 14, 5);
    expect(formatDate(d, 'short', 'de')).toBe('27.11.26, 14:05');
    expect(formatDate(d, 'short', 'en')).toMatch(/^11\/27\/26, 2:05\sPM$/);
    expect(formatDate(null, 'short', 'en')).toBe('');
  });
});
