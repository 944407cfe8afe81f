import { DatePipe } from '@angular/common';
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
import { formatBytes } from '@satchel/domain';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog';
import { Notify } from '../core/notify.service';
import { RetentionApi } from './retention.api';

const VIEWS: { view: RetentionView; label: string }[] = [
  { view: 'expiring', label: 'Expiring soon' },
  { view: 'expired', label: 'Expired' },
  { view: 'unused', label: 'Unused' },
  { view: 'orphaned', label: 'Orphaned' },
];

/** One retention view's files with selection and bulk delete, extend and hold. */
@Component({
  selector: 'sc-retention-files',
  imports: [
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatIconModule,
    MatTableModule,
  ],
  template: `
    <mat-button-toggle-group
      [value]="view()"
      (change)="open($event.value)"
      aria-label="Retention views"
      class="views"
    >
      @for (v of views; track v.view) {
        <mat-button-toggle [value]="v.view" [attr.data-view]="v.view">
          {{ v.label }} · {{ counts()[v.view].count }} · {{ size(counts()[v.view].bytes) }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
    <div class="bulk" role="toolbar" aria-label="Bulk actions">
      <span>{{ selected().size }} selected</span>
      <button mat-stroked-button type="button" (click)="act('delete')" [disabled]="!selected().size">
        <mat-icon>delete</mat-icon> Delete
      </button>
      @if (view() !== 'expired') {
        <button mat-stroked-button type="button" (click)="act('extend')" [disabled]="!selected().size">
          <mat-icon>update</mat-icon> Extend 30 days
        </button>
        <button mat-stroked-button type="button" (click)="act('hold')" [disabled]="!selected().size">
          <mat-icon>lock</mat-icon> Hold
        </button>
        <button mat-stroked-button type="button" (click)="act('release')" [disabled]="!selected().size">
          <mat-icon>lock_open</mat-icon> Release
        </button>
      }
    </div>
    @if (items().length === 0) {
      <p class="empty">No files in this view.</p>
    } @else {
      <table mat-table [dataSource]="items()" [attr.aria-label]="label()">
        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <mat-checkbox
              [checked]="allSelected()"
              [indeterminate]="selected().size > 0 && !allSelected()"
              (change)="toggleAll()"
              aria-label="Select all"
            />
          </th>
          <td mat-cell *matCellDef="let f">
            <mat-checkbox
              [checked]="selected().has(f.id)"
              (change)="toggle(f.id)"
              [aria-label]="'Select ' + f.name"
            />
          </td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">File</th>
          <td mat-cell *matCellDef="let f">
            {{ f.name }}
            @if (f.legalHold) {
              <mat-icon class="held" aria-label="On legal hold" title="On legal hold">lock</mat-icon>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="size">
          <th mat-header-cell *matHeaderCellDef scope="col">Size</th>
          <td mat-cell *matCellDef="let f">{{ size(f.size) }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef scope="col">Uploaded</th>
          <td mat-cell *matCellDef="let f">{{ f.createdAt | date: 'medium' }}</td>
        </ng-container>
        <ng-container matColumnDef="when">
          <th mat-header-cell *matHeaderCellDef scope="col">
            {{ view() === 'expired' ? 'Expired' : 'Expires' }}
          </th>
          <td mat-cell *matCellDef="let f">
            {{ f.expiredAt ?? f.expiresAt | date: 'medium' }}
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
  readonly label = computed(() => VIEWS.find((v) => v.view === this.view())?.label ?? '');

  constructor() {
    // New figures (first load, refresh, a saved policy): the open view is listed again.
    effect(() => {
      this.counts();
      untracked(() => void this.open(this.view()));
    });
  }

  size(bytes: number): string {
    return formatBytes(bytes);
  }

  async open(view: RetentionView): Promise<void> {
    this.view.set(view);
    this.selected.set(new Set());
    try {
      this.items.set((await firstValueFrom(this.api.files(view))).items);
    } catch (err) {
      this.notify.error(err, 'Could not load the files');
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
        title: 'Delete files',
        message: `Delete ${ids.length} file(s) now? Files shown in chats leave a "file expired" note.`,
        confirm: 'Delete',
        danger: true,
      }))
    )
      return;
    try {
      const { affected } = await firstValueFrom(
        this.api.bulk({ action, ids, days: action === 'extend' ? 30 : undefined }),
      );
      this.notify.success(`${affected} file(s) updated.`);
      await this.open(this.view());
      this.changed.emit();
    } catch (err) {
      this.notify.error(err, 'The action failed');
    }
  }
}
