import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AttachmentDto } from '@satchel/contracts';
import { FileName } from '../core/file-name';
import { PreviewUpdates } from '../files/preview-updates';
import { ServerPreview } from '../files/server-preview';
import { AttachmentViewer, type AttachmentViewerData } from './attachment-viewer';
import { downloadWithProgress } from './download';
import { previewUrl } from './preview-url';
import { TranslocoPipe } from '@jsverse/transloco';
import { FileSizePipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';

/** An attachment in the conversation: an image thumbnail, or a file card; both downloadable with progress. */
@Component({
  selector: 'sc-attachment-view',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    FileName,
    ServerPreview,
    TranslocoPipe,
    FileSizePipe,
  ],
  template: `
    <div class="att" [attr.data-attachment]="a().id">
      @if (isImage()) {
        <button
          type="button"
          class="thumb"
          (click)="view('image')"
          [attr.aria-label]="'attachment.view' | transloco: { name: a().name }"
        >
          <sc-server-preview [file]="a()" [alt]="a().name" />
        </button>
      } @else if (hasPreview()) {
        <sc-server-preview class="thumb" [file]="a()" [alt]="'Preview of ' + a().name" />
      } @else {
        <mat-icon aria-hidden="true">{{ isPdf() ? 'picture_as_pdf' : 'description' }}</mat-icon>
      }
      <div class="meta">
        <sc-file-name class="name" mode="ellipsis" [name]="a().name" />
        <div class="sub">
          {{ a().size | fileSize }}
          @if (error()) {
            · <span class="error-text">{{ error() }}</span>
          }
        </div>
        @if (progress() !== null) {
          <mat-progress-bar
            mode="determinate"
            [value]="progress()"
            [attr.aria-label]="'attachment.downloadProgress' | transloco: { name: a().name }"
          />
        }
      </div>
      @if (isPdf()) {
        <button
          mat-button
          type="button"
          (click)="view('pdf')"
          [attr.aria-label]="'attachment.view' | transloco: { name: a().name }"
        >
          {{ 'attachment.viewShort' | transloco }}
        </button>
      }
      <button
        mat-stroked-button
        type="button"
        (click)="download()"
        [disabled]="progress() !== null"
        [attr.aria-label]="'attachment.download' | transloco: { name: a().name }"
      >
        {{ 'attachment.downloadShort' | transloco }}
      </button>
    </div>
  `,
  styles: `
    .att {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .thumb {
      padding: 0;
      border: 0;
      background: none;
      cursor: zoom-in;
      border-radius: 6px;
    }
    .att ::ng-deep sc-server-preview img {
      max-width: 160px;
      max-height: 120px;
      border-radius: 6px;
    }
    .meta {
      flex: 1;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .sub {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentView {
  private readonly dialog = inject(MatDialog);
  private readonly previews = inject(PreviewUpdates);
  readonly a = input.required<AttachmentDto>();
  readonly progress = signal<number | null>(null);
  readonly error = signal('');
  readonly isImage = computed(() => /^image\/(png|jpeg|gif|webp)$/.test(this.a().contentType));
  readonly isPdf = computed(() => this.a().contentType === 'application/pdf');
  /** PDFs, HEIC photos and videos show the server's preview instead of an icon when there is one. */
  readonly hasPreview = computed(() => ['pending', 'ready'].includes(this.previews.of(this.a()).status));
  /** Shown in the conversation: a preview, not a download in the audit log. */
  readonly previewUrl = computed(() => previewUrl(this.a().url));

  view(kind: AttachmentViewerData['kind']): void {
    this.dialog.open<AttachmentViewer, AttachmentViewerData>(AttachmentViewer, {
      data: { name: this.a().name, url: this.previewUrl(), kind },
      width: kind === 'pdf' ? '880px' : 'auto',
      maxWidth: '92vw',
      ariaLabel: t('attachment.viewer', { name: this.a().name }),
    });
  }

  async download(): Promise<void> {
    this.error.set('');
    this.progress.set(0);
    try {
      await downloadWithProgress(this.a().url, this.a().name, this.a().size, (p) => this.progress.set(p));
    } catch (err) {
      this.error.set(err instanceof Error ? err.message : t('attachment.downloadFailed'));
    } finally {
      this.progress.set(null);
    }
  }
}
