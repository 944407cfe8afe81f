import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ChatsRepository } from '../chats/chats.repository';
import { QUEUES } from '../jobs/queues';
import { MESSAGE_ATTACHMENTS } from '../chats/message-attachments.port';
import { TrustSettingsModule } from '../trust-settings/trust-settings.module';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { AttachmentLinks } from './attachment-links';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentRecorder } from './attachment-recorder';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { ChatAttachmentsController } from './chat-attachments.controller';
import { ChatArchiveService } from './chat-archive.service';
import { ChatFilesController } from './chat-files.controller';
import { ChatFilesRepository } from './chat-files.repository';
import { DownloadsService } from './downloads.service';
import { FromUrlService } from './from-url.service';
import { MessageAttachmentsAdapter } from './message-attachments.adapter';
import { SeedUploadController } from './seed-upload.controller';
import { SeedAttachmentsController } from './seed-attachments.controller';
import { SeedAttachmentsService } from './seed-attachments.service';
import { SeedFilesController } from './seed-files.controller';
import { SeedFilesService } from './seed-files.service';
import { SeedUploadService } from './seed-upload.service';
import { ScanJobsRepository } from './scan-jobs.repository';
import { TempFilesRepository } from './temp-files.repository';
import { TempSweeper } from './temp-sweeper.service';
import { TrustPolicy } from './trust-policy';
import { UploadsService } from './uploads.service';
import { FileStager } from './upload/file-stager';
import { UploadReceiver } from './upload/upload-receiver';
import { TusActorsRepository } from './tus/tus-actors.repository';
import { TusUploadsController } from './tus/tus-uploads.controller';
import { TusUploadsService } from './tus/tus-uploads.service';

/**
 * Attachments: streamed uploads (multipart, seed 001, from URL), downloads, listing, deletion.
 * Global so chats find `MESSAGE_ATTACHMENTS`; exports the repository for integrations.
 */
@Global()
@Module({
  imports: [UploadSettingsModule, TrustSettingsModule, BullModule.registerQueue({ name: QUEUES.scans })],
  controllers: [
    ChatAttachmentsController,
    ChatFilesController,
    AttachmentsController,
    SeedUploadController,
    SeedAttachmentsController,
    SeedFilesController,
    TusUploadsController,
  ],
  providers: [
    AttachmentsRepository,
    AttachmentObjectsRepository,
    ChatsRepository,
    AttachmentLinks,
    AttachmentPresenter,
    AttachmentRecorder,
    FileStager,
    UploadReceiver,
    UploadsService,
    SeedUploadService,
    SeedAttachmentsService,
    SeedFilesService,
    FromUrlService,
    DownloadsService,
    AttachmentsService,
    MessageAttachmentsAdapter,
    TempFilesRepository,
    TempSweeper,
    TusUploadsService,
    TusActorsRepository,
    TrustPolicy,
    ChatFilesRepository,
    ChatArchiveService,
    ScanJobsRepository,
    { provide: MESSAGE_ATTACHMENTS, useExisting: MessageAttachmentsAdapter },
  ],
  exports: [
    MESSAGE_ATTACHMENTS,
    AttachmentsRepository,
    AttachmentObjectsRepository,
    AttachmentPresenter,
    AttachmentLinks,
    DownloadsService,
    AttachmentRecorder,
  ],
})
export class AttachmentsModule {
  /**
   * `chats`: the app's one ChatsModule instance (uploads send their message through `CHAT_MESSAGES`);
   * `previews`: its PreviewsModule instance (`PREVIEW_STATE` for the presenter);
   * `deliveries`: its DeliveriesModule instance (`ATTACHMENT_STATUS`, callback/export state for the presenter).
   */
  static register(chats: DynamicModule, previews: DynamicModule, deliveries: DynamicModule): DynamicModule {
    return { module: AttachmentsModule, imports: [chats, previews, deliveries] };
  }
}
