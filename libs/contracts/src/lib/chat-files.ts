import type { AttachmentDto } from './attachments';

/** The most files `GET /v1/chats/:chatId/attachments` lists (the zip holds them all). */
export const CHAT_FILES_LIMIT = 1000;

/** `GET /v1/chats/:chatId/attachments`: every file of a conversation, oldest first. */
export interface ChatFilesResponse {
  items: AttachmentDto[];
  /** What `GET /v1/chats/:chatId/attachments.zip` holds: the files neither quarantined nor expired. */
  archive: { files: number; bytes: number };
  /** The chat has more files than `CHAT_FILES_LIMIT`; the list shows the oldest. */
  truncated: boolean;
}
