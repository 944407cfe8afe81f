import { inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';
import { formatNumber } from './format';

/** The paginator's labels and "1 – 25 of 300" in the active language. */
@Injectable()
export class PaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco.langChanges$
      .pipe(
        switchMap((lang) => this.transloco.selectTranslation(lang)),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.update());
  }

  private update(): void {
    const t = (key: string) => this.transloco.translate(`paginator.${key}`);
    this.itemsPerPageLabel = t('itemsPerPage');
    this.nextPageLabel = t('next');
    this.previousPageLabel = t('previous');
    this.firstPageLabel = t('first');
    this.lastPageLabel = t('last');
    this.changes.next();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const lang = this.transloco.getActiveLang();
    const from = length === 0 ? 0 : page * pageSize + 1;
    const to = Math.min(length, (page + 1) * pageSize);
    return this.transloco.translate('paginator.range', {
      from: formatNumber(from, lang),
      to: formatNumber(to, lang),
      total: formatNumber(length, lang),
    });
  };
}
