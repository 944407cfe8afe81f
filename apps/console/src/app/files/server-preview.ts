import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { AttachmentDto, PreviewSize } from '@satchel/contracts';
import { AttachmentsApi } from './attachments.api';
import { blobUrl } from './blob-url';
import { iconFor } from './file-kind';
import { PreviewUpdates } from './preview-updates';

/**
 * The server's preview of a file: a shimmer while it is made, its blurred placeholder, then the
 * WebP rendition (`data-preview` says which); the type's icon when there is none.
 */
@Component({
  selector: 'sc-server-preview',
  imports: [MatIconModule],
  template: `
    @switch (shown()) {
      @case ('ready') {
        <img [src]="blob.url()" [alt]="alt()" data-preview="ready" />
      }
      @case ('placeholder') {
        <img [src]="preview().placeholder" [alt]="alt()" class="blur" data-preview="placeholder" />
      }
      @case ('pending') {
        <span class="pending" data-preview="pending" role="img" [attr.aria-label]="alt()"></span>
      }
      @default {
        <mat-icon aria-hidden="true" data-preview="none">{{ icon() }}</mat-icon>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      overflow: hidden;
    }
    img {
      display: block;
      max-width: 100%;
      max-height: 100%;
    }
    .blur {
      filter: blur(3px);
    }
    .pending {
      display: block;
      width: 100%;
      height: 100%;
      min-width: 40px;
      min-height: 40px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServerPreview {
  private readonly api = inject(AttachmentsApi);
  private readonly updates = inject(PreviewUpdates);
  readonly file = input.required<AttachmentDto>();
  readonly size = input<PreviewSize>('small');
  readonly alt = input('');
  readonly preview = computed(() => this.updates.of(this.file()));
  readonly icon = computed(() => iconFor(this.file().contentType));
  readonly blob = blobUrl();

  readonly shown = computed(() => {
    const p = this.preview();
    if (p.status === 'pending') return 'pending';
    if (p.status !== 'ready') return 'none';
    if (this.blob.url()) return 'ready';
    return p.placeholder ? 'placeholder' : 'pending';
  });

  /** A string, so a list reload with equal rows fetches nothing again. */
  private readonly readyId = computed(() => (this.preview().status === 'ready' ? this.file().id : null));

  constructor() {
    effect(() => {
      const id = this.readyId();
      this.blob.load(id ? this.api.preview(id, this.size()) : null);
    });
  }
}
