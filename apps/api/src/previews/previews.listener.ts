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

  /** Previews (or one kind of them) switched on: existing files get theirs by a backfill job. */
  @OnEvent(EVENTS.uploadSettingsUpdated, { async: true, promisify: true })
  async onSettingsUpdated(e: UploadSettingsUpdatedEvent): Promise<void> {
    if (!previewsTurnedOn(e.before, e.after)) return;
    try {
      await this.jobs.enqueueBackfill(e.accountId);
    } catch (err) {
      this.log.error(
        `Could not queue the preview backfill of account ${e.accountId}: ${(err as Error).message}`,
      );
    }
  }
}
