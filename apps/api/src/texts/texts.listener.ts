import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EVENTS, type AttachmentCreatedEvent } from '../common/events/events';
import { TextsService } from './texts.service';

/** Every stored document gets an extraction job (its text row goes with the attachment row). */
@Injectable()
export class TextsListener {
  private readonly log = new Logger('Texts');

  constructor(private readonly texts: TextsService) {}

  @OnEvent(EVENTS.attachmentCreated, { async: true, promisify: true })
  async onCreated(event: AttachmentCreatedEvent): Promise<void> {
    try {
      await this.texts.track(event.attachment.id, event.attachment.contentType, event.attachment.size);
    } catch (err) {
      this.log.error(
        `Could not queue the text of attachment ${event.attachment.id}: ${(err as Error).message}`,
      );
    }
  }
}
