/** The search bar's strings in every widget language, shipped with the search chunk (not in widget.js). */
export const SEARCH_STRINGS = {
  en: {
    field: 'Search this conversation',
    prev: 'Previous match',
    next: 'Next match',
    close: 'Close search',
    count: '{i} of {n}',
    none: 'No matches',
    failed: 'Search failed',
  },
  de: {
    field: 'Diese Unterhaltung durchsuchen',
    prev: 'Vorheriger Treffer',
    next: 'Nächster Treffer',
    close: 'Suche schließen',
    count: '{i} von {n}',
    none: 'Keine Treffer',
    failed: 'Suche fehlgeschlagen',
  },
  fr: {
    field: 'Rechercher dans cette conversation',
    prev: 'Résultat précédent',
    next: 'Résultat suivant',
    close: 'Fermer la recherche',
    count: '{i} sur {n}',
    none: 'Aucun résultat',
    failed: 'La recherche a échoué',
  },
  es: {
    field: 'Buscar en esta conversación',
    prev: 'Resultado anterior',
    next: 'Resultado siguiente',
    close: 'Cerrar la búsqueda',
    count: '{i} de {n}',
    none: 'Sin resultados',
    failed: 'La búsqueda falló',
  },
  pt: {
    field: 'Pesquisar nesta conversa',
    prev: 'Resultado anterior',
    next: 'Próximo resultado',
    close: 'Fechar a pesquisa',
    count: '{i} de {n}',
    none: 'Nenhum resultado',
    failed: 'A pesquisa falhou',
  },
  ar: {
    field: 'ابحث في هذه المحادثة',
    prev: 'النتيجة السابقة',
    next: 'النتيجة التالية',
    close: 'إغلاق البحث',
    count: '{i} من {n}',
    none: 'لا توجد نتائج',
    failed: 'تعذّر البحث',
  },
} as const;

export type SearchKey = keyof (typeof SEARCH_STRINGS)['en'];

/** The strings of `lang` (English when the chunk has none for it), with `{i}`/`{n}` filled in. */
export function searchText(lang: string, key: SearchKey, params: Record<string, string> = {}): string {
  const strings: Record<SearchKey, string> = SEARCH_STRINGS[lang as 'en'] ?? SEARCH_STRINGS.en;
  return strings[key].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
