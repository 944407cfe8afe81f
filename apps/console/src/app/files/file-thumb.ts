import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AttachmentDto } from '@satchel/contracts';
import { ServerPreview } from './server-preview';

/** The Files table's thumbnail: the server's small preview (images, HEIC, PDF, video), or an icon. */
@Component({
  selector: 'sc-file-thumb',
  imports: [ServerPreview],
  template: `<sc-server-preview [file]="file()" />`,
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
    sc-server-preview {
      width: 100%;
      height: 100%;
    }
    sc-server-preview ::ng-deep img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileThumb {
  readonly file = input.required<AttachmentDto>();
}
