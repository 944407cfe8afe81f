import type {
  AttachmentDto,
  AttachmentPreviewInfo,
  ChatDto,
  FileRequestDto,
  MessageDto,
  SearchLanguage,
  UploadSettings,
} from '@satchel/contracts';

/** Internal event bus names (`@nestjs/event-emitter`). Integrations and realtime subscribe to these. */
export const EVENTS = {
  chatStarted: 'chat.started',
  messageCreated: 'message.created',
  chatUpdated: 'chat.updated',
  attachmentCreated: 'attachment.created',
  attachmentDeleted: 'attachment.deleted',
  attachmentExpired: 'attachment.expired',
  attachmentInfected: 'attachment.infected',
  attachmentPreviewed: 'attachment.previewed',
  fileRequestUpdated: 'file-request.updated',
  accessRevoked: 'access.revoked',
  uploadSettingsUpdated: 'upload-settings.updated',
  searchLanguageChanged: 'account.search-language.changed',
} as const;

/** An account's texts are to be re-indexed in its new search language. */
export interface SearchLanguageChangedEvent {
  accountId: string;
  searchLanguage: SearchLanguage;
}

export interface MessageCreatedEvent {
  accountId: string;
  chat: ChatDto;
  message: MessageDto;
  /** The file request this message fulfilled. */
  fileRequestId?: string;
}

/** A visitor started a chat through the widget. */
export interface ChatStartedEvent {
  accountId: string;
  chat: ChatDto;
}

export interface FileRequestUpdatedEvent {
  accountId: string;
  request: FileRequestDto;
}

export interface ChatUpdatedEvent {
  accountId: string;
  chat: ChatDto;
}

export interface AttachmentCreatedEvent {
  accountId: string;
  chatId: string | null;
  attachment: AttachmentDto;
}

/** Malware was found in a file (at upload or by a rescan): it is quarantined, never served. */
export interface AttachmentInfectedEvent {
  accountId: string;
  chatId: string | null;
  attachment: AttachmentDto;
  signature: string;
}

export interface AttachmentDeletedEvent {
  accountId: string;
  chatId: string | null;
  attachmentId: string;
}

/** Retention (or an admin) removed a file's bytes; the row stays as the chat's tombstone. */
export interface AttachmentExpiredEvent {
  accountId: string;
  chatId: string | null;
  attachmentId: string;
  name: string;
  size: number;
  expiredAt: string;
  reason: string;
}

/** A preview finished (`ready` or `failed`). */
export interface AttachmentPreviewedEvent {
  accountId: string;
  chatId: string | null;
  attachmentId: string;
  preview: AttachmentPreviewInfo;
}

/** Tokens stopped being valid (sign-out, revoked API token, deactivated user or new password). */
export interface AccessRevokedEvent {
  tokenIds?: string[];
  userId?: string;
}

/** An admin saved the account's upload settings (previews backfill when they are turned on). */
export interface UploadSettingsUpdatedEvent {
  accountId: string;
  before: UploadSettings;
  after: UploadSettings;
}
