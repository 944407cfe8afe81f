import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentStoreModule } from '../attachments/attachment-store.module';
import { PREVIEW_STATE } from '../attachments/preview-state.port';
import { QUEUES } from '../jobs/queues';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { PreviewContentService } from './preview-content.service';
import { PreviewJobsRepository } from './preview-jobs.repository';
import { PreviewRenderer } from './preview-renderer';
import { PreviewsController } from './previews.controller';
import { PreviewsListener } from './previews.listener';
import { PreviewsProcessor } from './previews.processor';
import { PreviewsRepository } from './previews.repository';
import { PreviewsService } from './previews.service';

/**
 * Server-side previews of images (issue 14, first slice): WebP renditions rendered by the
 * `previews.generate` job, served at `/v1/attachments/:id/preview`. Exports `PREVIEW_STATE`
 * for the attachment presenter (MessageAttachmentsPortModule imports the app's instance).
 */
@Module({})
export class PreviewsModule {
  static register(opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: PreviewsModule,
      imports: [
        AttachmentStoreModule,
        UploadSettingsModule,
        BullModule.registerQueue({ name: QUEUES.previews }),
      ],
      controllers: opts.http ? [PreviewsController] : [],
      providers: [
        PreviewsRepository,
        PreviewJobsRepository,
        PreviewsService,
        PreviewContentService,
        PreviewRenderer,
        PreviewsListener,
        { provide: PREVIEW_STATE, useExisting: PreviewsService },
        ...(opts.worker ? [PreviewsProcessor] : []),
      ],
      exports: [PREVIEW_STATE],
    };
  }
}
