import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../auth/sessions.module';
import { ChatsRepository } from '../chats/chats.repository';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { AttachmentLinks } from './attachment-links';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentsRepository } from './attachments.repository';
import { DownloadsService } from './downloads.service';

/**
 * Stored attachments: rows, objects, signed links and authorized downloads — the lower half of
 * attachments that previews, retention, texts and visitor data build on (none of it needs chats'
 * module; `ChatsRepository` is only read here, for downloads' chat check).
 */
@Module({
  imports: [SessionsModule, UploadSettingsModule, AuditModule],
  providers: [
    AttachmentsRepository,
    AttachmentObjectsRepository,
    AttachmentLinks,
    DownloadsService,
    ChatsRepository,
  ],
  exports: [AttachmentsRepository, AttachmentObjectsRepository, AttachmentLinks, DownloadsService],
})
export class AttachmentStoreModule {}
