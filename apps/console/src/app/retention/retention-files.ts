import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type {
  RetentionBulkAction,
  RetentionFileDto,
  RetentionSummaryDto,
  RetentionView,
} from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog';
import { Notify } from '../core/notify.service';
import { FileSizePipe, LocalDatePipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { RetentionApi } from './retention.api';

const VIEWS: RetentionView[] = ['expiring', 'expired', 'unused', 'orphaned'];

/** One retention view's files with selection and bulk delete, extend and hold. */
@Component({
  selector: 'sc-retention-files',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatIconModule,
    MatTableModule,
    TranslocoPipe,
    FileSizePipe,
    LocalDatePipe,
  ],
  template: `
    <mat-button-toggle-group
      [value]="view()"
      (change)="open($event.value)"
      [attr.aria-label]="'retention.viewsLabel' | transloco"
      class="views"
    >
      @for (v of views; track v) {
        <mat-button-toggle [value]="v" [attr.data-view]="v">
          {{ 'retention.views.' + v | transloco }} · {{ counts()[v].count }} ·
          {{ counts()[v].bytes | fileSize }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
    <div class="bulk" role="toolbar" [attr.aria-label]="'retention.bulkLabel' | transloco">
      <span>{{ 'retention.selected' | transloco: { count: selected().size } }}</span>
      <button mat-stroked-button type="button" (click)="act('delete')" [disabled]="!selected().size">
        <mat-icon>delete</mat-icon> {{ 'retention.delete' | transloco }}
      </button>
      @if (view() !== 'expired') {
        <button mat-stroked-button type="button" (click)="act('extend')" [disabled]="!selected().size">
          <mat-icon>update</mat-icon> {{ 'retention.extend' | transloco }}
        </button>
        <button mat-stroked-button type="button" (click)="act('hold')" [disabled]="!selected().size">
          <mat-icon>lock</mat-icon> {{ 'retention.hold' | transloco }}
        </button>
        <button mat-stroked-button type="button" (click)="act('release')" [disabled]="!selected().size">
          <mat-icon>lock_open</mat-icon> {{ 'retention.release' | transloco }}
        </button>
      }
    </div>
    @if (items().length === 0) {
      <p class="empty">{{ 'retention.noFiles' | transloco }}</p>
    } @else {
      <table mat-table [dataSource]="items()" [attr.aria-label]="label()">
        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <mat-checkbox
              [checked]="allSelected()"
              [indeterminate]="selected().size > 0 && !allSelected()"
              (change)="toggleAll()"
              [attr.aria-label]="'retention.selectAll' | transloco"
            />
          </th>
          <td mat-cell *matCellDef="let f">
            <mat-checkbox
              [checked]="selected().has(f.id)"
              (change)="toggle(f.id)"
              [aria-label]="'retention.selectOne' | transloco: { name: f.name }"
            />
          </td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'retention.file' | transloco }}</th>
          <td mat-cell *matCellDef="let f">
            {{ f.name }}
            @if (f.legalHold) {
              <mat-icon
                class="held"
                [attr.aria-label]="'retention.onHold' | transloco"
                [title]="'retention.onHold' | transloco"
                >lock</mat-icon
              >
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="size">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'retention.size' | transloco }}</th>
          <td mat-cell *matCellDef="let f">{{ f.size | fileSize }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'retention.uploaded' | transloco }}</th>
          <td mat-cell *matCellDef="let f">{{ f.createdAt | localDate: 'medium' }}</td>
        </ng-container>
        <ng-container matColumnDef="when">
          <th mat-header-cell *matHeaderCellDef scope="col">
            {{ (view() === 'expired' ? 'retention.expired' : 'retention.expires') | transloco }}
          </th>
          <td mat-cell *matCellDef="let f">
            {{ f.expiredAt ?? f.expiresAt | localDate: 'medium' }}
            @if (f.expiryReason) {
              <span class="reason">({{ f.expiryReason }})</span>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let f; columns: columns" [attr.data-file]="f.name"></tr>
      </table>
    }
  `,
  styles: `
    .views {
      flex-wrap: wrap;
    }
    .bulk {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 12px 0;
      flex-wrap: wrap;
    }
    table {
      width: 100%;
    }
    .held {
      font-size: 16px;
      height: 16px;
      width: 16px;
      vertical-align: middle;
    }
    .reason,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionFiles {
  private readonly api = inject(RetentionApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);
  readonly counts = input.required<RetentionSummaryDto['views']>();
  readonly changed = output<void>();

  readonly views = VIEWS;
  readonly columns = ['select', 'name', 'size', 'createdAt', 'when'];
  readonly view = signal<RetentionView>('expiring');
  readonly items = signal<RetentionFileDto[]>([]);
  readonly selected = signal(new Set<string>());
  readonly allSelected = computed(
    () => this.items().length > 0 && this.selected().size === this.items().length,
  );
  readonly label = computed(() => t(`retention.views.${this.view()}`));

  constructor() {
    // New figures (first load, refresh, a saved policy): the open view is listed again.
    effect(() => {
      this.counts();
      untracked(() => void this.open(this.view()));
    });
  }

  async open(view: RetentionView): Promise<void> {
    this.view.set(view);
    this.selected.set(new Set());
    try {
      this.items.set((await firstValueFrom(this.api.files(view))).items);
    } catch (err) {
      this.notify.error(err, t('retention.loadFilesFailed'));
    }
  }

  toggle(id: string): void {
    const next = new Set(this.selected());
    if (!next.delete(id)) next.add(id);
    this.selected.set(next);
  }

  toggleAll(): void {
    this.selected.set(this.allSelected() ? new Set() : new Set(this.items().map((f) => f.id)));
  }

  async act(action: RetentionBulkAction): Promise<void> {
    const ids = [...this.selected()];
    if (
      action === 'delete' &&
      !(await confirmAction(this.dialog, {
        title: t('retention.deleteTitle'),
        message: t('retention.deleteMessage', { count: ids.length }),
        confirm: t('retention.delete'),
        danger: true,
      }))
    )
      return;
    try {
      const { affected } = await firstValueFrom(
        this.api.bulk({ action, ids, days: action === 'extend' ? 30 : undefined }),
      );
      this.notify.success(t('retention.updated', { count: affected }));
      await this.open(this.view());
      this.changed.emit();
    } catch (err) {
      this.notify.error(err, t('retention.actionFailed'));
    }
  }
}
