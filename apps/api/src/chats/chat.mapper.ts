import type { AttachmentDto, ChatDto, MessageDto } from '@satchel/contracts';
import type { ChatEntity } from './chat.entity';
import type { MessageEntity } from './message.entity';

export function toChatDto(chat: ChatEntity): ChatDto {
  return {
    id: chat.id,
    accountId: chat.accountId,
    status: chat.status,
    visitorName: chat.visitorName,
    visitorEmail: chat.visitorEmail ?? null,
    visitorVerified: chat.visitorVerified ?? false,
    source: chat.source,
    createdAt: chat.createdAt.toISOString(),
    lastMessageAt: chat.lastMessageAt?.toISOString() ?? null,
    closedAt: chat.closedAt?.toISOString() ?? null,
    lastMessagePreview: chat.lastMessagePreview,
    assignee: chat.assignedUserId ? { id: chat.assignedUserId, name: chat.assigneeName ?? '' } : null,
    visitorContext: chat.visitorContext ?? null,
  };
}

export function toMessageDto(message: MessageEntity, attachments: AttachmentDto[] = []): MessageDto {
  return {
    id: message.id,
    chatId: message.chatId,
    text: message.text,
    author: { role: message.authorRole, id: message.authorId, name: message.authorName },
    attachments,
    createdAt: message.createdAt.toISOString(),
  };
}
