import type { AttachmentDto, AttachmentPreviewInfo } from './attachments';
import type { FileRequestDto } from './chatbot';
import type { ChatDto, MessageDto } from './chats';
import type { ReadReceipt, TypingEvent, TypingRequest } from './receipts';

/** Socket.IO handshake `auth` payload (seed 004: chat id + connection string). */
export interface RealtimeHandshake {
  chatId: string;
  connectionString: string;
}

/** Sent by the server right after a connection is accepted. */
export interface RealtimeSessionEvent {
  chatId: string;
  /** Single-use string the next `message:send` must carry (seed 004, "Message Handling"). */
  messageString: string;
}

export interface RealtimeSendMessage {
  text?: string;
  attachmentIds?: string[];
  fileRequestId?: string;
  messageString: string;
}

export type RealtimeSendAck =
  | { ok: true; message: MessageDto; nextMessageString: string }
  | {
      ok: false;
      error: string;
      nextMessageString?: string;
      /** `RATE_LIMITED` when a rate limit refused the message; retry after `retryAfter` seconds. */
      code?: string;
      retryAfter?: number;
    };

export interface AttachmentDeletedEvent {
  chatId: string;
  attachmentId: string;
}

/** A preview finished (`ready` or `failed`): clients swap the placeholder for the rendition. */
export interface AttachmentPreviewedEvent {
  chatId: string | null;
  attachmentId: string;
  preview: AttachmentPreviewInfo;
}

export const REALTIME_EVENTS = {
  session: 'session',
  send: 'message:send',
  message: 'message:new',
  chatUpdated: 'chat:updated',
  attachmentCreated: 'attachment:created',
  attachmentDeleted: 'attachment:deleted',
  attachmentPreviewed: 'attachment:previewed',
  fileRequestUpdated: 'file-request:updated',
} as const;

export interface ServerToClientEvents {
  session: (e: RealtimeSessionEvent) => void;
  'message:new': (m: MessageDto) => void;
  'chat:updated': (c: ChatDto) => void;
  'attachment:created': (a: AttachmentDto) => void;
  'attachment:deleted': (e: AttachmentDeletedEvent) => void;
  'attachment:previewed': (e: AttachmentPreviewedEvent) => void;
  'file-request:updated': (r: FileRequestDto) => void;
  'chat:read': (r: ReadReceipt) => void;
  typing: (e: TypingEvent) => void;
}

export interface ClientToServerEvents {
  'message:send': (m: RealtimeSendMessage, ack: (r: RealtimeSendAck) => void) => void;
  typing: (e: TypingRequest) => void;
}
