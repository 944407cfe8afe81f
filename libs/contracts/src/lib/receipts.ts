/** Who read a chat: its visitor, or one operator (each person has their own read state). */
export interface ReadReceiptReader {
  role: 'visitor' | 'operator';
  /** The operator's user id; null for the visitor. */
  userId: string | null;
  name: string;
}

/** How far one participant has read a chat: the newest message they had on screen. */
export interface ReadReceipt {
  chatId: string;
  reader: ReadReceiptReader;
  messageId: string | null;
  readAt: string;
}

/** `GET /v1/chats/:id/reads`: the visitor's read state and every operator's who has read the chat. */
export interface ChatReadsDto {
  visitor: ReadReceipt | null;
  operators: ReadReceipt[];
}

/** `POST /v1/chats/:id/read`: the newest message the caller has on screen. */
export interface MarkReadRequest {
  messageId: string;
}

/** Client → server: the sender is typing (or stopped). Operators on the inbox connection name the chat. */
export interface TypingRequest {
  chatId?: string;
  typing: boolean;
}

/** Server → the other participants: someone is typing in a chat (never stored). */
export interface TypingEvent {
  chatId: string;
  role: 'visitor' | 'operator';
  name: string;
  typing: boolean;
}

export const RECEIPT_EVENTS = { read: 'chat:read', typing: 'typing' } as const;
