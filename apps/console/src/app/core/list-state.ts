import { signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import type { Page } from '@satchel/contracts';
import { debounceTime, firstValueFrom, Observable } from 'rxjs';
import { errorMessage } from './api-error';

type PageQuery = { page?: number; pageSize?: number; cursor?: string };

/** A server-paginated list: the current page of `filters()`, loading and error, reloaded on demand. */
export class PagedList<T, Q extends PageQuery> {
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  /** The server stopped counting at `total` (shown as "10,000+"). */
  readonly totalIsLowerBound = signal(false);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** Zero-based, as MatPaginator counts; the API's `page` is one-based. */
  readonly page = signal(0);
  readonly pageSize;
  private seq = 0;
  /**
   * `cursors[i]` is the server's keyset cursor of page i, learnt from page i − 1's `nextCursor`:
   * paging forward then reads only the rows it shows and neither skips nor repeats rows when new
   * ones arrive meanwhile. Pages reached otherwise (last page, another size) use the offset.
   */
  private cursors: (string | undefined)[] = [];

  constructor(
    private readonly fetchPage: (query: Q) => Observable<Page<T>>,
    private readonly filters: () => Omit<Q, keyof PageQuery>,
    pageSize = 25,
  ) {
    this.pageSize = signal(pageSize);
  }

  /** Later calls win: a slow earlier answer never overwrites a newer one. */
  async reload(): Promise<void> {
    const index = this.page();
    const cursor = index > 0 ? this.cursors[index] : undefined;
    const query = {
      ...this.filters(),
      page: index + 1,
      pageSize: this.pageSize(),
      ...(cursor && { cursor }),
    } as Q;
    const mine = ++this.seq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.fetchPage(query));
      if (mine !== this.seq) return;
      this.items.set(page.items);
      this.total.set(page.total);
      this.totalIsLowerBound.set(page.totalIsLowerBound ?? false);
      this.cursors[index + 1] = page.nextCursor ?? undefined;
    } catch (err) {
      if (mine === this.seq) this.error.set(errorMessage(err));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }

  /** Back to the first page (the filters or the sort changed). */
  restart(): Promise<void> {
    this.page.set(0);
    this.cursors = [];
    return this.reload();
  }

  onPage(e: PageEvent): void {
    if (e.pageSize !== this.pageSize()) this.cursors = [];
    this.page.set(e.pageIndex);
    this.pageSize.set(e.pageSize);
    void this.reload();
  }

  /** Restarts whenever `changes` emit, debounced for typing; call in an injection context (a constructor). */
  restartOn(changes: Observable<unknown>): void {
    changes.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => void this.restart());
  }
}
