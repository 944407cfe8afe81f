import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslocoTranspiler, TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import ar from '../../i18n/ar.json';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import pt from '../../i18n/pt.json';
import { pluralize } from './icu-plural';
import { PluralTranspiler } from './plural-transpiler';

const catalogues = { en, de, es, fr, pt, ar };

describe('pluralize (ICU plural blocks)', () => {
  const files = '{count, plural, =0 {no files} one {# file} other {# files}}';

  it('picks the form by the language’s plural rules, exact matches first, # as the number', () => {
    expect(pluralize(files, { count: 1 }, 'en')).toBe('1 file');
    expect(pluralize(files, { count: 3 }, 'en')).toBe('3 files');
    expect(pluralize(files, { count: 0 }, 'en')).toBe('no files');
    expect(pluralize(files, { count: 1234 }, 'de')).toBe('1.234 files');
  });

  it('leaves the rest of the text and the {{params}} alone; several blocks in one text', () => {
    const text =
      'Over {days, plural, one {# day} other {# days}}: {{size}} in {files, plural, one {# file} other {# files}}.';
    expect(pluralize(text, { days: 1, files: 2 }, 'en')).toBe('Over 1 day: {{size}} in 2 files.');
    expect(pluralize('{{count}} selected', { count: 2 }, 'en')).toBe('{{count}} selected');
  });
});

describe('the console’s plural texts through Transloco', () => {
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        importProvidersFrom(
          TranslocoTestingModule.forRoot({
            langs: catalogues,
            translocoConfig: { availableLangs: Object.keys(catalogues), defaultLang: 'en' },
            preloadLangs: true,
          }),
        ),
        provideTranslocoTranspiler(PluralTranspiler),
      ],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  const say = (lang: string, key: string, params: Record<string, unknown>) => {
    transloco.setActiveLang(lang);
    return transloco.translate(key, params);
  };

  it('says "1 file" and "3 files", never "file(s)", in every language', () => {
    expect(say('en', 'files.count', { count: 1 })).toBe('1 file');
    expect(say('en', 'files.count', { count: 3 })).toBe('3 files');
    expect(say('de', 'files.count', { count: 1 })).toBe('1 Datei');
    expect(say('de', 'files.count', { count: 3 })).toBe('3 Dateien');
    expect(say('fr', 'retention.updated', { count: 1 })).toBe('1 fichier mis à jour.');
    expect(say('es', 'viewer.pages', { count: 2 })).toBe('2 páginas');
    expect(say('pt', 'inbox.unread', { count: 1 })).toBe('1 não lida');
    expect(say('ar', 'files.count', { count: 2 })).toBe('ملفان');
    expect(say('en', 'retention.dryRunResult', { files: 1, size: '2 KB' })).toBe(
      'This policy would remove 1 file, 2 KB, now.',
    );
  });

  it.each(Object.keys(catalogues))(
    '%s: no "(s)"-style text left, every plural block has an "other" form',
    (lang) => {
      const texts: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'string') texts.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(catalogues[lang as keyof typeof catalogues]);
      expect(texts.filter((s) => /\p{L}\((s|e|en|n|es|as|os)\)/u.test(s))).toEqual([]);
      for (const s of texts.filter((x) => /\{\w+, plural,/.test(x))) expect(s).toMatch(/ other \{/);
    },
  );
});
