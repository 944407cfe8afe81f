import { DEFAULT_SORT, EMPTY_FILTERS, filtersFromParams, listQuery, paramsFromFilters } from './file-filters';

describe('Files page filters in the address bar', () => {
  it('round-trips every filter and the sort through query parameters', () => {
    const form = {
      ...EMPTY_FILTERS,
      q: 'invoice',
      text: 'zanzibar',
      role: 'visitor' as const,
      type: 'image/*',
      visitor: 'ada',
      minKb: 10,
      maxKb: 2048,
      preview: 'failed' as const,
      scan: 'infected' as const,
      export: 'none' as const,
      start: new Date(2026, 0, 5),
      end: new Date(2026, 1, 28),
    };
    const sort = { field: 'size' as const, order: 'asc' as const };
    const params = paramsFromFilters(form, sort);
    expect(params).toMatchObject({ from: '2026-01-05', to: '2026-02-28', minKb: 10, sort: 'size' });
    const strings = Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(filtersFromParams(strings)).toEqual({ form: { ...form, chatId: '' }, sort });
  });

  it('leaves empty filters and the default sort out of the address', () => {
    const params = paramsFromFilters(EMPTY_FILTERS, DEFAULT_SORT);
    expect(Object.values(params).every((v) => v === null)).toBe(true);
  });

  it('ignores malformed values in a hand-edited link', () => {
    const { form, sort } = filtersFromParams({
      role: 'root',
      scan: 'maybe',
      minKb: '-5',
      maxKb: '1e9',
      from: 'yesterday',
      sort: 'sha256',
      order: 'sideways',
    });
    expect(form).toEqual(EMPTY_FILTERS);
    expect(sort).toEqual(DEFAULT_SORT);
  });

  it('asks the API for sizes in bytes', () => {
    expect(listQuery({ ...EMPTY_FILTERS, minKb: 2, maxKb: 3 }, DEFAULT_SORT)).toMatchObject({
      minSize: 2048,
      maxSize: 3072,
    });
  });
});
