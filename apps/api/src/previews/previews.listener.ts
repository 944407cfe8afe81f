import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type AttachmentCreatedEvent,
  type AttachmentDeletedEvent,
  type UploadSettingsUpdatedEvent,
} from '../common/events/events';
import { PreviewJobsRepository } from './preview-jobs.repository';
import { previewsTurnedOn } from './preview-rules';
import { PreviewsService } from './previews.service';

/** Every stored file gets a preview state (and a render job); every deleted one loses its renditions. */
@Injectable()
export class PreviewsListener {
  private readonly log = new Logger('Previews');

  constructor(
    private readonly previews: PreviewsService,
    private readonly jobs: PreviewJobsRepository,
  ) {}

  @OnEvent(EVENTS.attachmentCreated, { async: true, promisify: true })
  async onCreated(event: AttachmentCreatedEvent): Promise<void> {
    try {
      await this.previews.track(event.accountId, event.attachment.id, event.attachment.contentType);
    } catch (err) {
      this.log.error(
        `Could not queue the preview of attachment ${event.attachment.id}: ${(err as Error).message}`,
      );
    }
  }

  @OnEvent(EVENTS.attachmentDeleted, { async: true, promisify: true })
  async onDeleted(event: AttachmentDeletedEvent): Promise<void> {
    try {
      await this.previews.forget(event.attachmentId);
    } catch (err) {
      this.log.error(
        `Could not remove the previews of attachment ${event.attachmentId}: ${(err as Error).message}`,
      );
    }
  }

  /** Previews (or one kind of them) switched on: existing files get theirs by a backfill job. */
  @OnEvent(EVENTS.uploadSettingsUpdated, { async: true, promisify: true })
  async onSettingsUpdated(event: UploadSettingsUpdatedEvent): Promise<void> {
    if (!previewsTurnedOn(event.before, event.after)) return;
    try {
      await this.jobs.enqueueBackfill(event.accountId);
    } catch (err) {
      this.log.error(
        `Could not queue the preview backfill of account ${event.accountId}: ${(err as Error).message}`,
      );
    }
  }
}
