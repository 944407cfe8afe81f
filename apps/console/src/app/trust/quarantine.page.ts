import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { QuarantinedFileDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { confirmAction } from '../core/confirm-dialog';
import { FileName } from '../core/file-name';
import { Notify } from '../core/notify.service';
import { sizeLabel } from '../files/file-kind';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { TrustApi } from './trust.api';

/** Files the malware scanner caught: never served, called back or exported; an admin deletes them here. */
@Component({
  selector: 'sc-quarantine-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    FileName,
    TranslocoPipe,
  ],
  template: `
    <section class="page" aria-labelledby="quarantine-title">
      <header class="page-header">
        <h1 id="quarantine-title">{{ 'quarantine.title' | transloco }}</h1>
        <span class="muted" aria-live="polite">{{
          'quarantine.count' | transloco: { count: files().length }
        }}</span>
        <button mat-stroked-button type="button" (click)="load()">
          <mat-icon>refresh</mat-icon> {{ 'common.refresh' | transloco }}
        </button>
        <button mat-stroked-button type="button" (click)="rescan()" [disabled]="busy()">
          <mat-icon>policy</mat-icon> {{ 'quarantine.rescanAll' | transloco }}
        </button>
      </header>
      <p class="intro">{{ 'quarantine.intro' | transloco }}</p>
      <div class="progress">
        @if (loading() || busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'quarantine.working' | transloco" />
        }
      </div>
      @if (error(); as m) {
        <div class="empty-state" role="alert">
          <p>{{ 'quarantine.loadFailed' | transloco: { message: m } }}</p>
          <button mat-stroked-button type="button" (click)="load()">
            {{ 'common.tryAgain' | transloco }}
          </button>
        </div>
      } @else if (!loading() && files().length === 0) {
        <div class="empty-state">
          <mat-icon aria-hidden="true">verified_user</mat-icon>
          <p>{{ 'quarantine.empty' | transloco }}</p>
        </div>
      } @else {
        <table mat-table [dataSource]="files()" [attr.aria-label]="'quarantine.table' | transloco">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'quarantine.file' | transloco }}</th>
            <td mat-cell *matCellDef="let f"><sc-file-name [name]="f.name" /></td>
          </ng-container>
          <ng-container matColumnDef="signature">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'quarantine.threat' | transloco }}</th>
            <td mat-cell *matCellDef="let f" class="mono">{{ f.signature }}</td>
          </ng-container>
          <ng-container matColumnDef="size">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'quarantine.size' | transloco }}</th>
            <td mat-cell *matCellDef="let f">{{ size(f.size) }}</td>
          </ng-container>
          <ng-container matColumnDef="uploader">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'quarantine.uploadedBy' | transloco }}</th>
            <td mat-cell *matCellDef="let f">
              {{ f.uploadedBy.name }}
              <div class="muted small">{{ 'roles.' + f.uploadedBy.role | transloco }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="createdAt">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'quarantine.uploaded' | transloco }}</th>
            <td mat-cell *matCellDef="let f">{{ f.createdAt | localDate: 'short' }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="visually-hidden">{{ 'quarantine.actions' | transloco }}</span>
            </th>
            <td mat-cell *matCellDef="let f">
              <button
                mat-button
                type="button"
                (click)="remove(f)"
                [attr.aria-label]="'quarantine.deleteLabel' | transloco: { name: f.name }"
              >
                <mat-icon>delete</mat-icon> {{ 'quarantine.delete' | transloco }}
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" [attr.data-quarantined]="row.id"></tr>
        </table>
      }
    </section>
  `,
  styles: `
    .page {
      padding: 24px;
    }
    .page-header {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
    }
    .intro {
      max-width: 72ch;
    }
    .progress {
      height: 4px;
    }
    .mono {
      font-family: monospace;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .empty-state {
      text-align: center;
      padding: 32px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuarantinePage implements OnInit {
  private readonly api = inject(TrustApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);

  readonly columns = ['name', 'signature', 'size', 'uploader', 'createdAt', 'actions'];
  readonly files = signal<QuarantinedFileDto[]>([]);
  readonly loading = signal(true);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly size = sizeLabel;

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.files.set(await firstValueFrom(this.api.quarantine()));
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.loading.set(false);
    }
  }

  async remove(f: QuarantinedFileDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: t('quarantine.confirmTitle', { name: f.name }),
      message: t('quarantine.confirmMessage', { signature: f.signature }),
      confirm: t('quarantine.confirm'),
      danger: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.delete(f.id));
      this.notify.success(t('quarantine.deleted', { name: f.name }));
      await this.load();
    } catch (err) {
      this.notify.error(err, t('quarantine.deleteFailed'));
    }
  }

  async rescan(): Promise<void> {
    this.busy.set(true);
    try {
      const r = await firstValueFrom(this.api.rescan());
      this.notify.success(t('quarantine.rescanned', { scanned: r.scanned, infected: r.infected }));
      await this.load();
    } catch (err) {
      this.notify.error(err, t('quarantine.rescanFailed'));
    } finally {
      this.busy.set(false);
    }
  }
}
