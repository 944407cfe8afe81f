import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AttachmentDto, AuditEventDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from '../audit/audit.api';
import { errorMessage } from '../core/api-error';
import { confirmAction } from '../core/confirm-dialog';
import { FileName } from '../core/file-name';
import { Notify } from '../core/notify.service';
import { StatusChip } from '../core/status-chip';
import { AttachmentsApi } from './attachments.api';
import { iconFor, previewKind, saveBlob } from './file-kind';
import { PdfPreview } from './pdf-preview';
import { TranslocoPipe } from '@jsverse/transloco';
import { FileSizePipe, LocalDatePipe, LocalNumberPipe, TranslateOrPipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { TrustBadges } from '../trust/trust-badges';

/** Side panel: preview, metadata, integrations status, audit trail, download and delete. */
@Component({
  selector: 'sc-file-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatProgressBarModule,
    StatusChip,
    PdfPreview,
    FileName,
    TranslocoPipe,
    FileSizePipe,
    LocalDatePipe,
    LocalNumberPipe,
    TranslateOrPipe,
    TrustBadges,
  ],
  templateUrl: './file-detail.html',
  styleUrl: './file-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileDetail {
  private readonly api = inject(AttachmentsApi);
  private readonly audit = inject(AuditApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);

  readonly fileId = input.required<string>();
  readonly closed = output<void>();
  readonly deleted = output<string>();

  readonly file = signal<AttachmentDto | null>(null);
  readonly error = signal<string | null>(null);
  readonly content = signal<Blob | null>(null);
  readonly imageUrl = signal<string | null>(null);
  readonly previewError = signal<string | null>(null);
  readonly events = signal<AuditEventDto[] | null>(null);
  readonly busy = signal<'download' | 'delete' | null>(null);
  readonly kind = computed(() => previewKind(this.file()?.contentType ?? ''));
  readonly icon = computed(() => iconFor(this.file()?.contentType ?? ''));

  constructor() {
    effect(() => void this.load(this.fileId()));
    effect((onCleanup) => {
      const blob = this.content();
      if (!blob || this.kind() !== 'image') return this.imageUrl.set(null);
      const url = URL.createObjectURL(blob);
      this.imageUrl.set(url);
      onCleanup(() => URL.revokeObjectURL(url));
    });
  }

  async download(): Promise<void> {
    const f = this.file();
    if (!f) return;
    this.busy.set('download');
    try {
      // Fetched again (not the preview's bytes) so the audit log records this download.
      saveBlob(await firstValueFrom(this.api.content(f.id)), f.name);
    } catch (err) {
      this.notify.error(err, t('fileDetail.downloadFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  async remove(): Promise<void> {
    const f = this.file();
    if (!f) return;
    const ok = await confirmAction(this.dialog, {
      title: t('fileDetail.deleteTitle', { name: f.name }),
      message: t('fileDetail.deleteMessage'),
      confirm: t('fileDetail.deleteConfirm'),
      danger: true,
    });
    if (!ok) return;
    this.busy.set('delete');
    try {
      await firstValueFrom(this.api.delete(f.id));
      this.notify.success(t('fileDetail.deleted', { name: f.name }));
      this.deleted.emit(f.id);
    } catch (err) {
      this.notify.error(err, t('fileDetail.deleteFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  private async load(id: string): Promise<void> {
    this.file.set(null);
    this.error.set(null);
    this.content.set(null);
    this.previewError.set(null);
    this.events.set(null);
    try {
      const f = await firstValueFrom(this.api.get(id));
      if (id !== this.fileId()) return;
      this.file.set(f);
      void this.loadAudit(id);
      if (previewKind(f.contentType) !== 'none') await this.loadContent(id);
    } catch (err) {
      if (id === this.fileId()) this.error.set(errorMessage(err));
    }
  }

  private async loadContent(id: string): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.content(id, 'preview'));
      if (id === this.fileId()) this.content.set(blob);
    } catch (err) {
      if (id === this.fileId()) this.previewError.set(errorMessage(err));
    }
  }

  private async loadAudit(id: string): Promise<void> {
    try {
      const page = await firstValueFrom(this.audit.list({ attachmentId: id, pageSize: 50 }));
      if (id === this.fileId()) this.events.set(page.items);
    } catch {
      if (id === this.fileId()) this.events.set([]);
    }
  }
}
