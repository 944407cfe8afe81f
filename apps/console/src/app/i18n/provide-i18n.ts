import { Directionality } from '@angular/cdk/bidi';
import { inject, isDevMode, provideAppInitializer, type EnvironmentProviders, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideTransloco } from '@jsverse/transloco';
import { AppDirectionality } from './app-directionality';
import { CatalogueLoader } from './catalogue-loader';
import { DEFAULT_LANG, LANGS } from './langs';
import { Locale } from './locale.service';
import { PaginatorIntl } from './paginator-intl';

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
    { provide: Directionality, useExisting: AppDirectionality },
    { provide: MatPaginatorIntl, useClass: PaginatorIntl },
    provideAppInitializer(() => {
      const locale = inject(Locale);
      return locale.use(locale.initial());
    }),
  ];
}
