import type { MessageAuthor } from './chats';

export type FileRequestStatus = 'open' | 'fulfilled' | 'skipped' | 'cancelled';

/** A request for a file in a chat, by the chatbot, an operator or an API client; fulfilled by a message that references it. */
export interface FileRequestDto {
  id: string;
  chatId: string;
  /** The message that asks (shows the upload button in the widget). */
  messageId: string | null;
  prompt: string;
  /** Narrower than the visitor rule: pipe-delimited extensions, or null for the visitor rule's. */
  allowedTypes: string | null;
  /** Narrower than the visitor rule, in KB, or null. */
  maxSizeKb: number | null;
  skippable: boolean;
  status: FileRequestStatus;
  requestedBy: MessageAuthor;
  /** The message whose attachments fulfilled the request. */
  fulfilledMessageId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface CreateFileRequestRequest {
  prompt: string;
  allowedTypes?: string;
  maxSizeKb?: number;
  skippable?: boolean;
}

export type ChatbotStep =
  | { type: 'say'; text: string }
  | { type: 'askFile'; prompt: string; allowedTypes?: string; maxSizeKb?: number; skippable?: boolean }
  | { type: 'handover'; text?: string }
  /** Asks the visitor who they are; their next message gives the chat its visitor name and email. */
  | { type: 'askContact'; prompt: string };

/** The account's chatbot: ordered steps run when a visitor starts a chat. */
export interface ChatbotSettings {
  enabled: boolean;
  botName: string;
  steps: ChatbotStep[];
}
