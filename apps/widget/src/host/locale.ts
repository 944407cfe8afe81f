const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ps', 'sd', 'ug', 'ur', 'yi']);

export interface WidgetLocale {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** A BCP 47 tag made canonical (`pt-br` → `pt-BR`) with its writing direction; null when it is not a valid tag. */
export function parseLocale(tag: unknown): WidgetLocale | null {
  if (typeof tag !== 'string' || !tag.trim()) return null;
  let lang: string;
  try {
    [lang = ''] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return null;
  }
  const script = /^[a-z]{2,3}-(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)\b/i.exec(lang)?.[1];
  const rtl = script ? true : RTL_LANGUAGES.has(lang.split('-')[0]?.toLowerCase() ?? '');
  return { lang, dir: rtl ? 'rtl' : 'ltr' };
}
