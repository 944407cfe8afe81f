import { parseLocale } from './locale';

describe('parseLocale', () => {
  it('canonicalises tags and knows right-to-left languages', () => {
    expect(parseLocale('pt-br')).toEqual({ lang: 'pt-BR', dir: 'ltr' });
    expect(parseLocale('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(parseLocale('he-IL')).toEqual({ lang: 'he-IL', dir: 'rtl' });
    expect(parseLocale('fa')).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(parseLocale('pa-Arab')).toEqual({ lang: 'pa-Arab', dir: 'rtl' });
    expect(parseLocale('en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('refuses what is not a language tag', () => {
    expect(parseLocale('not a tag')).toBeNull();
    expect(parseLocale('')).toBeNull();
    expect(parseLocale(null)).toBeNull();
    expect(parseLocale(42)).toBeNull();
  });
});
