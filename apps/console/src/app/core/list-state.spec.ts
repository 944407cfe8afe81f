import { TestBed } from '@angular/core/testing';
import type { Page } from '@satchel/contracts';
import { of } from 'rxjs';
import { PagedList } from './list-state';

describe('PagedList', () => {
  const page = (total: number, totalIsLowerBound?: boolean): Page<number> => ({
    items: [1, 2],
    total,
    page: 1,
    pageSize: 25,
    ...(totalIsLowerBound === undefined ? {} : { totalIsLowerBound }),
  });

  it('keeps whether the server stopped counting ("10,000+")', async () => {
    let next = page(10_000, true);
    const list = TestBed.runInInjectionContext(
      () =>
        new PagedList<number, { page?: number; pageSize?: number }>(
          () => of(next),
          () => ({}),
        ),
    );
    await list.reload();
    expect(list.total()).toBe(10_000);
    expect(list.totalIsLowerBound()).toBe(true);
    next = page(12);
    await list.reload();
    expect(list.totalIsLowerBound()).toBe(false);
  });

  it('pages forward by the server’s cursor and falls back to the offset elsewhere', async () => {
    const asked: { page?: number; pageSize?: number; cursor?: string }[] = [];
    const list = TestBed.runInInjectionContext(
      () =>
        new PagedList<number, { page?: number; pageSize?: number; cursor?: string }>(
          (q) => {
            asked.push(q);
            return of({ ...page(100), nextCursor: `after-${q.page}` });
          },
          () => ({}),
          10,
        ),
    );
    await list.reload();
    list.onPage({ pageIndex: 1, pageSize: 10, length: 100 });
    await Promise.resolve();
    list.onPage({ pageIndex: 9, pageSize: 10, length: 100 });
    list.onPage({ pageIndex: 0, pageSize: 25, length: 100 });
    list.onPage({ pageIndex: 1, pageSize: 25, length: 100 });
    expect(asked).toEqual([
      { page: 1, pageSize: 10 },
      { page: 2, pageSize: 10, cursor: 'after-1' },
      { page: 10, pageSize: 10 },
      { page: 1, pageSize: 25 },
      { page: 2, pageSize: 25 },
    ]);
  });
});
