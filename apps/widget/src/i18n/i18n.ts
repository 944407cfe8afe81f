import { WIDGET_LOCALES, type WidgetLocaleCode } from '@satchel/contracts';
import { EN, type Catalogue, type MessageKey } from './en';

type Params = Record<string, string | number>;
interface Binding {
  el: Element;
  text: () => string;
  attr?: string;
}

const SHIPPED = new Set<string>(WIDGET_LOCALES);
const RTL = new Set(['ar']);

/** The shipped catalogue for a BCP 47 tag (`pt-BR` → `pt`), or null. */
export function shippedLanguage(tag: string | null | undefined): WidgetLocaleCode | null {
  if (!tag) return null;
  try {
    const [canonical = ''] = Intl.getCanonicalLocales(tag.trim());
    const base = canonical.split('-')[0]?.toLowerCase() ?? '';
    return SHIPPED.has(base) ? (base as WidgetLocaleCode) : null;
  } catch {
    return null;
  }
}

/**
 * The first candidate Satchel has strings for, in priority order (page's `data-locale`, then
 * `Satchel.setLocale`, then the admin's default, then the browser's languages); English otherwise.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): {
  tag: string;
  lang: WidgetLocaleCode;
} {
  for (const c of candidates) {
    const lang = shippedLanguage(c);
    if (lang && c) return { tag: Intl.getCanonicalLocales(c.trim())[0] ?? lang, lang };
  }
  return { tag: 'en', lang: 'en' };
}

/** The widget's strings and formats in the current locale; elements bound here are relabelled on a switch. */
export class I18n {
  tag = 'en';
  lang: WidgetLocaleCode = 'en';
  private messages: Catalogue = EN;
  private readonly loaded = new Map<string, Catalogue>([['en', EN]]);
  private readonly bindings: Binding[] = [];
  private assetBase = '';

  get dir(): 'ltr' | 'rtl' {
    return RTL.has(this.lang) ? 'rtl' : 'ltr';
  }

  setAssetBase(base: string): void {
    this.assetBase = base;
  }

  t(key: MessageKey, params: Params = {}): string {
    const entry = this.messages[key] ?? EN[key];
    let text: string;
    if (typeof entry === 'string') text = entry;
    else {
      const n = typeof params['n'] === 'number' ? params['n'] : 0;
      text = entry[new Intl.PluralRules(this.tag).select(n)] ?? entry.other;
    }
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined) return m;
      return typeof v === 'number' ? this.number(v) : v;
    });
  }

  /** Loads the catalogue (a chunk next to widget.js, fetched once) and relabels bound elements. */
  async use(tag: string, lang: WidgetLocaleCode): Promise<void> {
    const messages = await this.catalogue(lang);
    this.tag = tag;
    this.lang = lang;
    this.messages = messages;
    this.relabel();
  }

  /** Sets `el`'s text (or `attr`) now and again after every locale switch. */
  bind<E extends Element>(el: E, key: MessageKey, params?: () => Params, attr?: string): E {
    return this.bindText(el, () => this.t(key, params?.()), attr);
  }

  /** Like `bind`, with the text computed (e.g. a key that depends on state). */
  bindText<E extends Element>(el: E, text: () => string, attr?: string): E {
    const b = { el, text, attr };
    this.bindings.push(b);
    this.apply(b);
    return el;
  }

  number(n: number): string {
    return new Intl.NumberFormat(this.tag).format(n);
  }

  percent(ratio: number): string {
    return new Intl.NumberFormat(this.tag, { style: 'percent' }).format(ratio);
  }

  /** Seconds as "12 sec" or "3 min" in the locale. */
  duration(seconds: number): string {
    const min = seconds >= 90;
    return new Intl.NumberFormat(this.tag, {
      style: 'unit',
      unit: min ? 'minute' : 'second',
      unitDisplay: 'short',
    }).format(min ? Math.round(seconds / 60) : seconds);
  }

  date(iso: string): string {
    return new Date(iso).toLocaleString(this.tag, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** A file size in the locale's digits and units (1024-based, like the upload limits). */
  size(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(this.tag, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: value >= 10 || unit === 0 ? 0 : 1,
    }).format(value);
  }

  private relabel(): void {
    for (const b of this.bindings) this.apply(b);
  }

  private apply(b: Binding): void {
    const text = b.text();
    if (b.attr) b.el.setAttribute(b.attr, text);
    else b.el.textContent = text;
  }

  private async catalogue(lang: WidgetLocaleCode): Promise<Catalogue> {
    const hit = this.loaded.get(lang);
    if (hit) return hit;
    const mod = (await import(/* webpackIgnore: true */ `${this.assetBase}/locales/${lang}.js`)) as {
      default: Catalogue;
    };
    this.loaded.set(lang, mod.default);
    return mod.default;
  }
}

/** The widget's one catalogue (one widget per page). */
// One instance per page, shared with the chunks loaded later (each bundles its own copy of this
// module), so text they render follows the language widget.js chose.
const SHARED = Symbol.for('satchel.widget.i18n');
export const i18n: I18n = ((globalThis as Record<symbol, I18n | undefined>)[SHARED] ??= new I18n());
export const t = (key: MessageKey, params?: Params): string => i18n.t(key, params);
