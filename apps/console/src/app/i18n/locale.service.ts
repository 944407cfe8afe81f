import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AppDirectionality } from './app-directionality';
import { isRtl, LANG_STORAGE_KEY, resolveLang, type Lang } from './langs';
import { setActiveLang } from './translate';

/**
 * The console's language: the saved choice, else the browser's. Switching loads the catalogue first, then
 * flips strings, `lang`/`dir` on <html>, the CDK direction and the date picker's locale at once (no reload).
 */
@Injectable({ providedIn: 'root' })
export class Locale {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly dir = inject(AppDirectionality);
  private readonly dateAdapter = inject(DateAdapter, { optional: true });
  private readonly current = signal<Lang>('en');
  /** The active language; reading it in a computed or template re-runs it on a switch. */
  readonly lang = this.current.asReadonly();

  /** The language to start with (called once before the app renders). */
  initial(): Lang {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(LANG_STORAGE_KEY);
    } catch {
      // Storage can be blocked (privacy settings): fall back to the browser's languages.
    }
    const nav = this.document.defaultView?.navigator;
    return resolveLang(saved, nav?.languages?.length ? nav.languages : [nav?.language ?? 'en']);
  }

  async use(lang: Lang, remember = false): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    setActiveLang(lang);
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = isRtl(lang) ? 'rtl' : 'ltr';
    this.dir.set(isRtl(lang) ? 'rtl' : 'ltr');
    this.dateAdapter?.setLocale(lang);
    this.current.set(lang);
    if (remember) {
      try {
        localStorage.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        // Not remembered, still switched for this visit.
      }
    }
  }

  /** A translated string; reactive to language switches when read inside a computed or template. */
  t(key: string, params?: Record<string, unknown>): string {
    this.current();
    return this.transloco.translate(key, params);
  }
}
