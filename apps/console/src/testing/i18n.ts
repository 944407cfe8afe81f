import { importProvidersFrom } from '@angular/core';
import { provideTranslocoTranspiler, TranslocoTestingModule } from '@jsverse/transloco';
import { PluralTranspiler } from '../app/i18n/plural-transpiler';
import en from '../i18n/en.json';

/** The English catalogue, loaded synchronously, for component tests that read rendered text. */
export function provideTestI18n() {
  return [
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { en },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ),
    provideTranslocoTranspiler(PluralTranspiler),
  ];
}
