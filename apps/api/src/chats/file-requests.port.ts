import type { AttachmentDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';

/**
 * How chats fulfil a file request without depending on the chatbot module: it provides this under
 * `FILE_REQUESTS` (FileRequestsPortModule, which ChatsModule imports); a message with `fileRequestId` is refused when it is missing.
 */
export interface FileRequestsPort {
  /** Checks the message's files against the open request and marks it fulfilled, inside the message's transaction. */
  fulfil(
    p: Principal,
    chatId: string,
    requestId: string,
    messageId: string,
    files: AttachmentDto[],
  ): Promise<void>;
}

export const FILE_REQUESTS = Symbol('FILE_REQUESTS');
