import { Directionality } from '@angular/cdk/bidi';
import {
  inject,
  isDevMode,
  provideAppInitializer,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, provideTranslocoTranspiler } from '@jsverse/transloco';
import { AppDirectionality } from './app-directionality';
import { CatalogueLoader } from './catalogue-loader';
import { DEFAULT_LANG, LANGS } from './langs';
import { Locale } from './locale.service';
import { PaginatorIntl } from './paginator-intl';
import { PluralTranspiler } from './plural-transpiler';
import { TranslatedTitleStrategy } from './title-strategy';

/** Transloco with the six catalogues; the first page renders only once its language is loaded. */
export function provideI18n(): (Provider | EnvironmentProviders)[] {
  return [
    provideTransloco({
      config: {
        availableLangs: LANGS.map((l) => l.code),
        defaultLang: DEFAULT_LANG,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: CatalogueLoader,
    }),
    // "1 file" / "3 files": ICU plural blocks in the catalogues, by each language's plural rules.
    provideTranslocoTranspiler(PluralTranspiler),
    // One date adapter for every date picker, so a language switch reaches them all.
    provideNativeDateAdapter(),
    { provide: Directionality, useExisting: AppDirectionality },
    { provide: MatPaginatorIntl, useClass: PaginatorIntl },
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      const locale = inject(Locale);
      return locale.use(locale.initial());
    }),
  ];
}
