import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { AttachmentDto } from '@satchel/contracts';
import { AttachmentsApi } from './attachments.api';
import { blobUrl } from './blob-url';
import { iconFor, previewKind } from './file-kind';

/** Thumbnails only for small images; everything else gets an icon for its type. */
const THUMB_MAX_BYTES = 2 * 1024 * 1024;

@Component({
  selector: 'sc-file-thumb',
  imports: [MatIconModule],
  template: `
    @if (blob.url(); as url) {
      <img [src]="url" alt="" loading="lazy" />
    } @else {
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      width: 40px;
      height: 40px;
      align-items: center;
      justify-content: center;
      border-radius: 6px;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileThumb {
  private readonly api = inject(AttachmentsApi);
  readonly file = input.required<AttachmentDto>();
  readonly icon = computed(() => iconFor(this.file().contentType));
  readonly blob = blobUrl();

  /** The id to fetch, or null: a string, so a list reload with equal rows fetches nothing again. */
  private readonly thumbId = computed(() => {
    const f = this.file();
    return previewKind(f.contentType) === 'image' && f.size <= THUMB_MAX_BYTES ? f.id : null;
  });

  constructor() {
    effect(() => {
      const id = this.thumbId();
      this.blob.load(id ? this.api.content(id, 'preview') : null);
    });
  }
}
