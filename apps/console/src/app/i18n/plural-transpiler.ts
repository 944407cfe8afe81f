import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';
import { pluralize } from './icu-plural';
import { activeLang } from './translate';

/** Transloco's `{{param}}` interpolation, after the ICU `plural` blocks are resolved in the active language. */
@Injectable()
export class PluralTranspiler extends DefaultTranspiler {
  private lang = activeLang();

  override transpile(p: TranspileParams): unknown {
    const value =
      typeof p.value === 'string' && p.value.includes('plural')
        ? pluralize(p.value, p.params ?? {}, this.lang)
        : p.value;
    return super.transpile({ ...p, value });
  }

  onLangChanged(lang: string): void {
    this.lang = lang;
  }
}
