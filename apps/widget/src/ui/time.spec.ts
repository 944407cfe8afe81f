import { WIDGET_LOCALES } from '@satchel/contracts';
import { setTime } from './time';

const NOW: Record<string, string> = {
  en: 'now',
  de: 'jetzt',
  es: 'ahora',
  fr: 'maintenant',
  pt: 'agora',
  ar: 'الآن',
};

describe('setTime', () => {
  it.each([...WIDGET_LOCALES])('says "just now" in %s, never the English word elsewhere', (lang) => {
    const el = document.createElement('time');
    el.setAttribute('datetime', new Date(Date.now() - 5_000).toISOString());
    setTime(el, lang);
    expect(el.textContent).toBe(NOW[lang]);
    expect(el.getAttribute('title')).toMatch(/\d{4}|[٠-٩]{4}/);
  });

  it('follows the language tag given (de-AT) for minutes too', () => {
    const el = document.createElement('time');
    el.setAttribute('datetime', new Date(Date.now() - 3 * 60_000).toISOString());
    setTime(el, 'de-AT');
    expect(el.textContent).toBe('vor 3 Min.');
  });
});
