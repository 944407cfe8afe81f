import { translate } from '@jsverse/transloco';

/** A catalogue string for code outside components (error texts, snackbars), in the active language. */
export function t(key: string, params?: Record<string, unknown>): string {
  return translate<string>(key, params);
}

/** The catalogue's text for `key`, or undefined when the catalogue has none (so the caller keeps its own). */
export function tOptional(key: string, params?: Record<string, unknown>): string | undefined {
  const text = translate<string>(key, params);
  return text && text !== key ? text : undefined;
}

let lang = 'en';

/** The active language for formatting outside components (kept by `Locale.use`). */
export function activeLang(): string {
  return lang;
}

export function setActiveLang(value: string): void {
  lang = value;
}
