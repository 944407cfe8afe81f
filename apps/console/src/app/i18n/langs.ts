/** The console's languages, each named in itself for the language menu. */
export const LANGS = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'pt', name: 'Português' },
  { code: 'ar', name: 'العربية' },
] as const;

export type Lang = (typeof LANGS)[number]['code'];

export const DEFAULT_LANG: Lang = 'en';
export const LANG_STORAGE_KEY = 'satchel.console.lang';

export function isLang(value: unknown): value is Lang {
  return LANGS.some((l) => l.code === value);
}

export function isRtl(lang: Lang): boolean {
  return lang === 'ar';
}

/** The saved choice if any, else the first of the browser's languages the console speaks (`de-AT` → `de`). */
export function resolveLang(saved: string | null, browser: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}
