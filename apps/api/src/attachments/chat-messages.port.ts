import type { MessageDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';

/**
 * How uploads post the message that carries their files without depending on the chats service:
 * chats provide this under `CHAT_MESSAGES` (the ChatsService itself).
 */
export interface ChatMessagesPort {
  send(
    p: Principal,
    chatId: string,
    input: { text?: string; attachmentIds?: string[]; fileRequestId?: string },
  ): Promise<MessageDto>;
}

export const CHAT_MESSAGES = Symbol('CHAT_MESSAGES');
