import { Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import type { Lang } from './langs';

type Json = { default: Translation };

/** Each catalogue is its own lazily loaded chunk (hashed, cached like the rest of the build). */
const CATALOGUES: Record<Lang, () => Promise<Json>> = {
  en: () => import('../../i18n/en.json'),
  de: () => import('../../i18n/de.json'),
  fr: () => import('../../i18n/fr.json'),
  es: () => import('../../i18n/es.json'),
  pt: () => import('../../i18n/pt.json'),
  ar: () => import('../../i18n/ar.json'),
};

@Injectable({ providedIn: 'root' })
export class CatalogueLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    const load = CATALOGUES[lang as Lang] ?? CATALOGUES.en;
    return (await load()).default;
  }
}
