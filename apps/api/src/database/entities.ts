import { AccountEntity } from '../accounts/account.entity';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuthTokenEntity } from '../auth/auth-token.entity';
import { ChatbotRunEntity } from '../chatbot/chatbot-run.entity';
import { ChatbotSettingsEntity } from '../chatbot/chatbot-settings.entity';
import { FileRequestEntity } from '../chatbot/file-request.entity';
import { CallbackSettingsEntity } from '../integrations/callbacks/callback-settings.entity';
import { DeliveryAttemptEntity, DeliveryEntity } from '../integrations/deliveries/delivery.entity';
import { S3ExportSettingsEntity } from '../integrations/s3-export/s3-export-settings.entity';
import { ChatEntity } from '../chats/chat.entity';
import { MessageEntity } from '../chats/message.entity';
import { AttachmentPreviewEntity } from '../previews/attachment-preview.entity';
import { RateLimitOverrideEntity } from '../rate-limit/rate-limit-override.entity';
import { UploadSettingsEntity } from '../upload-settings/upload-settings.entity';
import { PlatformUploadSettingsEntity } from '../upload-settings/platform-upload-settings.entity';
import { UploadGroupEntity } from '../upload-settings/upload-group.entity';
import { UserEntity } from '../users/user.entity';
import { WidgetAppearanceEntity } from '../appearance/widget-appearance.entity';
import { RetentionSettingsEntity } from '../retention/retention-settings.entity';
import { StorageUsageDayEntity } from '../retention/storage-usage-day.entity';
import { StorageQuotaEntity } from '../upload-settings/storage-quota.entity';

/** Every TypeORM entity. Feature modules add theirs here. */
export const ENTITIES = [
  AccountEntity,
  UserEntity,
  AuthTokenEntity,
  ChatEntity,
  MessageEntity,
  UploadSettingsEntity,
  AttachmentEntity,
  AuditEventEntity,
  ChatbotSettingsEntity,
  FileRequestEntity,
  ChatbotRunEntity,
  CallbackSettingsEntity,
  S3ExportSettingsEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  RateLimitOverrideEntity,
  AttachmentPreviewEntity,
  WidgetAppearanceEntity,
  PlatformUploadSettingsEntity,
  UploadGroupEntity,
  RetentionSettingsEntity,
  StorageUsageDayEntity,
  StorageQuotaEntity,
];
