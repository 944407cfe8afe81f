import { Injectable, signal } from '@angular/core';
import type { AttachmentDto, AttachmentPreviewInfo, AttachmentPreviewedEvent } from '@satchel/contracts';

/** Previews finished since the page loaded (`attachment:previewed`), by attachment id. */
@Injectable({ providedIn: 'root' })
export class PreviewUpdates {
  private readonly finished = signal<ReadonlyMap<string, AttachmentPreviewInfo>>(new Map());

  arrived(e: AttachmentPreviewedEvent): void {
    this.finished.update((m) => new Map(m).set(e.attachmentId, e.preview));
  }

  /** The newest known preview of a file: the event's, or the one the file came with. */
  of(file: AttachmentDto): AttachmentPreviewInfo {
    return this.finished().get(file.id) ?? file.preview;
  }
}
