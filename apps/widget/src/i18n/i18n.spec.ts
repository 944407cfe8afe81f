import { EN } from './en';
import { I18n, pickLocale, shippedLanguage } from './i18n';
import ar from './locales/ar';
import de from './locales/de';
import es from './locales/es';
import fr from './locales/fr';
import pt from './locales/pt';

describe('widget catalogues', () => {
  it('translate every English key, with the same placeholders', () => {
    const placeholders = (v: unknown) =>
      JSON.stringify(v)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const cat of [de, fr, es, pt, ar]) {
      expect(Object.keys(cat).sort()).toEqual(Object.keys(EN).sort());
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
        const mine = placeholders(cat[key]).filter((p) => p !== '{n}');
        expect(new Set(mine)).toEqual(new Set(placeholders(EN[key]).filter((p) => p !== '{n}')));
      }
    }
  });
});

describe('pickLocale', () => {
  it('takes the first shipped language in priority order, keeping the region for formats', () => {
    expect(pickLocale(['de', 'fr'])).toEqual({ tag: 'de', lang: 'de' });
    expect(pickLocale([null, 'pt-br', 'en'])).toEqual({ tag: 'pt-BR', lang: 'pt' });
    expect(pickLocale(['he', 'not a tag', 'ar-EG'])).toEqual({ tag: 'ar-EG', lang: 'ar' });
    expect(pickLocale(['ja', undefined])).toEqual({ tag: 'en', lang: 'en' });
    expect(shippedLanguage('ES-mx')).toBe('es');
  });
});

describe('I18n', () => {
  it('formats plurals, numbers and sizes per locale', async () => {
    const i18n = new I18n();
    expect(i18n.t('pages', { n: 1 })).toBe('1 page');
    expect(i18n.t('pages', { n: 3 })).toBe('3 pages');
    expect(i18n.size(1536)).toBe('1.5 kB');
    (i18n as unknown as { loaded: Map<string, unknown> }).loaded.set('de', de);
    await i18n.use('de', 'de');
    expect(i18n.t('removeFile', { name: 'a.pdf' })).toBe('a.pdf entfernen');
    expect(i18n.size(1536)).toBe('1,5 kB');
    expect(i18n.dir).toBe('ltr');
    (i18n as unknown as { loaded: Map<string, unknown> }).loaded.set('ar', ar);
    await i18n.use('ar', 'ar');
    expect(i18n.dir).toBe('rtl');
    expect(i18n.t('pages', { n: 2 })).toBe('صفحتان');
  });

  it('relabels bound elements when the language changes', async () => {
    const i18n = new I18n();
    const button = i18n.bind(document.createElement('button'), 'send');
    const input = i18n.bind(document.createElement('textarea'), 'message', undefined, 'aria-label');
    expect([button.textContent, input.getAttribute('aria-label')]).toEqual(['Send', 'Message']);
    (i18n as unknown as { loaded: Map<string, unknown> }).loaded.set('fr', fr);
    await i18n.use('fr', 'fr');
    expect([button.textContent, input.getAttribute('aria-label')]).toEqual(['Envoyer', 'Message']);
  });
});
