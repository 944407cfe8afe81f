import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QUEUES } from '../jobs/queues';
import { TrustSettingsModule } from '../trust-settings/trust-settings.module';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { AttachmentRecorder } from './attachment-recorder';
import { AttachmentStoreModule } from './attachment-store.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ChatAttachmentsController } from './chat-attachments.controller';
import { ChatArchiveService } from './chat-archive.service';
import { ChatFilesController } from './chat-files.controller';
import { ChatFilesRepository } from './chat-files.repository';
import { FromUrlService } from './from-url.service';
import { SimpleUploadController } from './simple-upload.controller';
import { EndUserUploadController } from './end-user-upload.controller';
import { EndUserUploadService } from './end-user-upload.service';
import { FileStreamController } from './file-stream.controller';
import { FileStreamService } from './file-stream.service';
import { SimpleUploadService } from './simple-upload.service';
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
 * Built on AttachmentStoreModule (rows, objects, downloads) and MessageAttachmentsPortModule (the
 * presenter and chats' `MESSAGE_ATTACHMENTS`), which chats and previews import without this module.
 */
@Module({
  imports: [
    AttachmentStoreModule,
    UploadSettingsModule,
    TrustSettingsModule,
    AuditModule,
    BullModule.registerQueue({ name: QUEUES.scans }),
  ],
  controllers: [
    ChatAttachmentsController,
    ChatFilesController,
    AttachmentsController,
    SimpleUploadController,
    EndUserUploadController,
    FileStreamController,
    TusUploadsController,
  ],
  providers: [
    AttachmentRecorder,
    FileStager,
    UploadReceiver,
    UploadsService,
    SimpleUploadService,
    EndUserUploadService,
    FileStreamService,
    FromUrlService,
    AttachmentsService,
    TempFilesRepository,
    TempSweeper,
    TusUploadsService,
    TusActorsRepository,
    TrustPolicy,
    ChatFilesRepository,
    ChatArchiveService,
    ScanJobsRepository,
  ],
  exports: [AttachmentRecorder, AttachmentStoreModule],
})
export class AttachmentsModule {
  /**
   * `chats`: the app's one ChatsModule instance (uploads send their message through `CHAT_MESSAGES`);
   * `messageAttachments`: its MessageAttachmentsPortModule instance (the presenter), re-exported with
   * the store for modules that record attachments (scanning).
   */
  static register(chats: DynamicModule, messageAttachments: DynamicModule): DynamicModule {
    return {
      module: AttachmentsModule,
      imports: [chats, messageAttachments],
      exports: [messageAttachments],
    };
  }
}
