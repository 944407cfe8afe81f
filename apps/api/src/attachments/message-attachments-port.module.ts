import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGE_ATTACHMENTS } from '../chats/message-attachments.port';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentStoreModule } from './attachment-store.module';
import { MessageAttachmentsAdapter } from './message-attachments.adapter';

/**
 * Provides the `MESSAGE_ATTACHMENTS` port to chats, and the `AttachmentPresenter` it is built on
 * (kept apart from AttachmentsModule, which depends on chats).
 */
@Module({})
export class MessageAttachmentsPortModule {
  /**
   * `previews`: the app's one PreviewsModule instance (`PREVIEW_STATE` for the presenter);
   * `deliveries`: its DeliveriesModule instance (`ATTACHMENT_STATUS`: callback and export state).
   */
  static register(previews: DynamicModule, deliveries: DynamicModule): DynamicModule {
    return {
      module: MessageAttachmentsPortModule,
      imports: [AttachmentStoreModule, UploadSettingsModule, previews, deliveries],
      providers: [
        AttachmentPresenter,
        MessageAttachmentsAdapter,
        { provide: MESSAGE_ATTACHMENTS, useExisting: MessageAttachmentsAdapter },
      ],
      exports: [AttachmentPresenter, MESSAGE_ATTACHMENTS],
    };
  }
}
