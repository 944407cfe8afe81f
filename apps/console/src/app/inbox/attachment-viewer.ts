import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FileName } from '../core/file-name';
import { PdfPreview } from '../files/pdf-preview';
import { TranslocoPipe } from '@jsverse/transloco';

export interface AttachmentViewerData {
  name: string;
  /** A signed URL asked as a preview. */
  url: string;
  kind: 'image' | 'pdf';
}

/**
 * An image or PDF of the conversation, full size in a modal dialog: Escape closes it, focus stays
 * inside while it is open and returns to the thumbnail or button that opened it.
 */
@Component({
  selector: 'sc-attachment-viewer',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    FileName,
    PdfPreview,
    TranslocoPipe,
  ],
  template: `
    <header class="head">
      <h2 mat-dialog-title><sc-file-name [name]="data.name" /></h2>
      <button
        mat-icon-button
        type="button"
        mat-dialog-close
        [aria-label]="'attachment.closeViewer' | transloco"
      >
        <mat-icon>close</mat-icon>
      </button>
    </header>
    <mat-dialog-content class="body">
      @if (data.kind === 'image') {
        <img [src]="data.url" [alt]="data.name" data-testid="viewer-image" />
      } @else if (pdf(); as blob) {
        <sc-pdf-preview [src]="blob" [name]="data.name" />
      } @else if (error(); as m) {
        <p class="error-text" role="alert">
          {{ 'attachment.previewUnavailable' | transloco: { message: m } }}
        </p>
      } @else {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'attachment.loadingPreview' | transloco" />
      }
    </mat-dialog-content>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      padding-inline-end: 8px;
      h2 {
        flex: 1;
        min-width: 0;
      }
    }
    .body img {
      display: block;
      max-width: 100%;
      max-height: 75vh;
      margin: 0 auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentViewer implements OnInit {
  readonly data = inject<AttachmentViewerData>(MAT_DIALOG_DATA);
  readonly pdf = signal<Blob | null>(null);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    if (this.data.kind === 'pdf') void this.loadPdf();
  }

  private async loadPdf(): Promise<void> {
    try {
      const res = await fetch(this.data.url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.pdf.set(await res.blob());
    } catch (err) {
      this.error.set(err instanceof Error ? err.message : 'could not load the file');
    }
  }
}
