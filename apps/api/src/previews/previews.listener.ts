import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EVENTS, type AttachmentCreatedEvent, type AttachmentDeletedEvent } from '../common/events/events';
import { PreviewsService } from './previews.service';

/** Every stored file gets a preview state (and a render job); every deleted one loses its renditions. */
@Injectable()
export class PreviewsListener {
  private readonly log = new Logger('Previews');

  constructor(private readonly previews: PreviewsService) {}

  @OnEvent(EVENTS.attachmentCreated, { async: true, promisify: true })
  async onCreated(e: AttachmentCreatedEvent): Promise<void> {
    try {
      await this.previews.track(e.accountId, e.attachment.id, e.attachment.contentType);
    } catch (err) {
      this.log.error(
        `Could not queue the preview of attachment ${e.attachment.id}: ${(err as Error).message}`,
      );
    }
  }

  @OnEvent(EVENTS.attachmentDeleted, { async: true, promisify: true })
  async onDeleted(e: AttachmentDeletedEvent): Promise<void> {
    try {
      await this.previews.forget(e.attachmentId);
    } catch (err) {
      this.log.error(
        `Could not remove the previews of attachment ${e.attachmentId}: ${(err as Error).message}`,
      );
    }
  }
}
