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
});
