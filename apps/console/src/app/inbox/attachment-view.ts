import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AttachmentDto } from '@satchel/contracts';
import { FileName } from '../core/file-name';
import { PreviewUpdates } from '../files/preview-updates';
import { ServerPreview } from '../files/server-preview';
import { downloadWithProgress } from './download';
import { openFileViewer } from './file-viewer/open-file-viewer';
import { isQuarantined, viewerKind } from './file-viewer/viewable';
import { iconFor } from '../files/file-kind';
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
    <div class="att" [attr.data-attachment]="a().id" [class.quarantined]="quarantined()">
      @if (kind() === 'image') {
        <button
          type="button"
          class="thumb"
          (click)="view()"
          [attr.aria-label]="'attachment.view' | transloco: { name: a().name }"
        >
          @if (thumbnail() === 'none') {
            <img [src]="previewUrl()" [alt]="a().name" loading="lazy" />
          } @else {
            <sc-server-preview [file]="a()" [alt]="a().name" />
          }
        </button>
      } @else if (kind() === 'pdf') {
        <button
          type="button"
          class="thumb page"
          data-testid="pdf-card"
          (click)="view()"
          [attr.aria-label]="'attachment.view' | transloco: { name: a().name }"
        >
          <sc-server-preview [file]="a()" [alt]="a().name" />
        </button>
      } @else if (hasPreview() && !quarantined()) {
        <sc-server-preview class="thumb" [file]="a()" [alt]="'Preview of ' + a().name" />
      } @else {
        <mat-icon aria-hidden="true">{{ quarantined() ? 'gpp_bad' : icon() }}</mat-icon>
      }
      <div class="meta">
        <sc-file-name class="name" mode="ellipsis" [name]="a().name" />
        <div class="sub">
          {{ a().size | fileSize }}
          @if (pages(); as n) {
            · {{ 'viewer.pages' | transloco: { count: n } }}
          }
          @if (quarantined()) {
            · <span class="error-text">{{ 'viewer.quarantined' | transloco }}</span>
          }
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
      <button
        mat-stroked-button
        type="button"
        (click)="download()"
        [disabled]="progress() !== null || quarantined()"
        [attr.aria-label]="'attachment.download' | transloco: { name: a().name }"
      >
        {{ 'attachment.downloadShort' | transloco }}
      </button>
    </div>
  `,
  styles: `
    /* On a phone the name and Download button go under a wide image. */
    .att {
      display: flex;
      flex-wrap: wrap;
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
    .thumb img,
    .att ::ng-deep sc-server-preview img {
      display: block;
      max-width: min(220px, 100%);
      max-height: 165px;
      border-radius: 6px;
    }
    /* A PDF's first page, as a small sheet of paper. */
    .page {
      width: 90px;
      height: 120px;
      display: flex;
      align-items: center;
      justify-content: center;
      overflow: hidden;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .page ::ng-deep sc-server-preview img {
      max-width: 90px;
      max-height: 120px;
      border-radius: 0;
    }
    .meta {
      flex: 1;
      min-width: 8em;
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
  /** What the viewer may show (never a quarantined, expired or active-content file). */
  readonly kind = computed(() => viewerKind(this.a()));
  readonly quarantined = computed(() => isQuarantined(this.a()));
  readonly icon = computed(() => iconFor(this.a().contentType));
  private readonly preview = computed(() => this.previews.of(this.a()));
  /** HEIC photos and videos show the server's preview instead of an icon when there is one. */
  readonly hasPreview = computed(() => ['pending', 'ready'].includes(this.preview().status));
  /** No server thumbnail will come (previews off): the image itself is shown. */
  readonly thumbnail = computed(() => (this.preview().status === 'unsupported' ? 'none' : 'server'));
  readonly pages = computed(() => (this.kind() === 'pdf' ? (this.preview().pages ?? null) : null));
  /** Shown in the conversation: a preview, not a download in the audit log. */
  readonly previewUrl = computed(() => previewUrl(this.a().url));

  /** The full-screen viewer, paging through all images and PDFs of the chat. */
  view(): void {
    const a = this.a();
    openFileViewer(this.dialog, { files: [a], startId: a.id, chatId: a.chatId ?? undefined });
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
