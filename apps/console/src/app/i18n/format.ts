export type DateStyle = 'short' | 'medium' | 'mediumDate' | 'time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { dateStyle: 'short', timeStyle: 'short' },
  medium: { dateStyle: 'medium', timeStyle: 'medium' },
  mediumDate: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
};

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

/** A date in the reader's language (`27.11.2026, 14:05`, `27/11/2026 14:05`, `١١/٢٧`…); '' for none. */
export function formatDate(
  value: string | number | Date | null | undefined,
  style: DateStyle,
  lang: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`d:${lang}:${style}`, () => new Intl.DateTimeFormat(lang, DATE_OPTIONS[style])).format(date);
}

export function formatNumber(value: number, lang: string): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** Binary units as each language writes them (English matches `formatBytes` in @satchel/domain). */
const UNITS: Record<string, readonly string[]> = {
  en: ['B', 'KB', 'MB', 'GB', 'TB'],
  fr: ['o', 'Ko', 'Mo', 'Go', 'To'],
  ar: ['بايت', 'ك.ب', 'م.ب', 'ج.ب', 'ت.ب'],
};

/** A file size in binary steps (1 KB = 1024 bytes, as the upload limits count) in the reader's language. */
export function formatSize(bytes: number, lang: string): string {
  const units = UNITS[lang] ?? UNITS['en'];
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 10 ? 0 : 1;
  const n = cached(
    `s:${lang}:${digits}`,
    () => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }),
  );
  return `${n.format(value)} ${units[i]}`;
}

/** Seconds as "12 sec" or "3 min" in the language (time left of an upload). */
export function formatDuration(seconds: number, lang: string): string {
  const min = seconds >= 90;
  const f = cached(
    `d:${lang}:${min}`,
    () =>
      new Intl.NumberFormat(lang, { style: 'unit', unit: min ? 'minute' : 'second', unitDisplay: 'short' }),
  );
  return f.format(min ? Math.round(seconds / 60) : seconds);
}
