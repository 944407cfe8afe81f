import { DatePipe } from '@angular/common';
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
import { TrustApi } from './trust.api';

/** Files the malware scanner caught: never served, called back or exported; an admin deletes them here. */
@Component({
  selector: 'sc-quarantine-page',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, FileName],
  template: `
    <section class="page" aria-labelledby="quarantine-title">
      <header class="page-header">
        <h1 id="quarantine-title">Quarantine</h1>
        <span class="muted" aria-live="polite">{{ files().length }} file(s)</span>
        <button mat-stroked-button type="button" (click)="load()">
          <mat-icon>refresh</mat-icon> Refresh
        </button>
        <button mat-stroked-button type="button" (click)="rescan()" [disabled]="busy()">
          <mat-icon>policy</mat-icon> Rescan all files
        </button>
      </header>
      <p class="intro">
        Files in which the malware scanner found a threat are kept here instead of being delivered. Nobody can
        download them, and they are never sent to your callback or S3 export. Delete them once you have noted
        what they were. "Rescan all files" checks every stored file again, for example after the scanner's
        signatures were updated.
      </p>
      <div class="progress">
        @if (loading() || busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Working" />
        }
      </div>
      @if (error(); as m) {
        <div class="empty-state" role="alert">
          <p>Could not load the quarantine: {{ m }}</p>
          <button mat-stroked-button type="button" (click)="load()">Try again</button>
        </div>
      } @else if (!loading() && files().length === 0) {
        <div class="empty-state">
          <mat-icon aria-hidden="true">verified_user</mat-icon>
          <p>Nothing in quarantine. Infected files appear here as soon as the scanner catches them.</p>
        </div>
      } @else {
        <table mat-table [dataSource]="files()" aria-label="Quarantined files">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">File</th>
            <td mat-cell *matCellDef="let f"><sc-file-name [name]="f.name" /></td>
          </ng-container>
          <ng-container matColumnDef="signature">
            <th mat-header-cell *matHeaderCellDef scope="col">Threat found</th>
            <td mat-cell *matCellDef="let f" class="mono">{{ f.signature }}</td>
          </ng-container>
          <ng-container matColumnDef="size">
            <th mat-header-cell *matHeaderCellDef scope="col">Size</th>
            <td mat-cell *matCellDef="let f">{{ size(f.size) }}</td>
          </ng-container>
          <ng-container matColumnDef="uploader">
            <th mat-header-cell *matHeaderCellDef scope="col">Uploaded by</th>
            <td mat-cell *matCellDef="let f">
              {{ f.uploadedBy.name }}
              <div class="muted small">{{ f.uploadedBy.role }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="createdAt">
            <th mat-header-cell *matHeaderCellDef scope="col">Uploaded</th>
            <td mat-cell *matCellDef="let f">{{ f.createdAt | date: 'short' }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
            <td mat-cell *matCellDef="let f">
              <button mat-button type="button" (click)="remove(f)" [attr.aria-label]="'Delete ' + f.name">
                <mat-icon>delete</mat-icon> Delete
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
      title: `Delete ${f.name}?`,
      message: `The file and its record are removed for good. The audit log keeps that it contained ${f.signature}.`,
      confirm: 'Delete file',
      danger: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.delete(f.id));
      this.notify.success(`${f.name} deleted`);
      await this.load();
    } catch (err) {
      this.notify.error(err, 'Could not delete the file');
    }
  }

  async rescan(): Promise<void> {
    this.busy.set(true);
    try {
      const r = await firstValueFrom(this.api.rescan());
      this.notify.success(`Rescanned ${r.scanned} file(s): ${r.infected} newly quarantined`);
      await this.load();
    } catch (err) {
      this.notify.error(err, 'Rescan failed');
    } finally {
      this.busy.set(false);
    }
  }
}
