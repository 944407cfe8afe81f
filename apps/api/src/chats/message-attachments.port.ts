import type { AttachmentDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';

/**
 * How chats reach attachments without depending on the attachments module: it provides this
 * under `MESSAGE_ATTACHMENTS` through MessageAttachmentsPortModule, which chats import.
 */
export interface MessageAttachmentsPort {
  /** Links stored, unlinked attachments of this chat to a new message, inside its transaction. */
  link(p: Principal, chatId: string, messageId: string, ids: string[]): Promise<AttachmentDto[]>;
  /** Attachments of the given messages, by message id. */
  forMessages(messageIds: string[]): Promise<Map<string, AttachmentDto[]>>;
}

export const MESSAGE_ATTACHMENTS = Symbol('MESSAGE_ATTACHMENTS');
