import type { ActorRole } from './auth';
import type { AttachmentDto } from './attachments';
import type { ChatAssignee, VisitorContext } from './inbox';

/** `pending`: the chatbot is talking with the visitor; its hand-over makes the chat `open` for operators. */
export type ChatStatus = 'open' | 'pending' | 'closed';

export interface ChatDto {
  id: string;
  accountId: string;
  status: ChatStatus;
  visitorName: string;
  /** From the host page's `identify()`. */
  visitorEmail?: string | null;
  /** `identify()` was verified with the account's identity secret. */
  visitorVerified?: boolean;
  source: 'widget' | 'api';
  createdAt: string;
  lastMessageAt: string | null;
  closedAt: string | null;
  lastMessagePreview: string | null;
  assignee?: ChatAssignee | null;
  visitorContext?: VisitorContext | null;
}

export interface StartWidgetChatRequest {
  widgetKey: string;
  name?: string;
  /** From the widget's pre-chat form. */
  email?: string;
  context?: VisitorContext;
}

export interface StartWidgetChatResponse {
  chatId: string;
  visitorToken: string;
}

export interface CreateChatRequest {
  visitorName?: string;
}

export interface ChatListQuery {
  status?: ChatStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface MessageAuthor {
  role: ActorRole;
  id: string | null;
  name: string;
}

export interface MessageDto {
  id: string;
  chatId: string;
  text: string;
  author: MessageAuthor;
  attachments: AttachmentDto[];
  createdAt: string;
}

export interface SendMessageRequest {
  text?: string;
  attachmentIds?: string[];
  /** Fulfils this open file request with the message's attachments. */
  fileRequestId?: string;
}

export interface ConnectionStringResponse {
  connectionString: string;
  expiresAt: string;
}

/** An open chat in the operator inbox, with the visitor messages the caller has not read. */
export interface InboxChatDto extends ChatDto {
  unreadCount: number;
}
