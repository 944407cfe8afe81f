import type { AttachmentDto, ChatDto, MessageDto } from '@satchel/contracts';
import type { ChatEntity } from './chat.entity';
import type { MessageEntity } from './message.entity';

export function toChatDto(c: ChatEntity): ChatDto {
  return {
    id: c.id,
    accountId: c.accountId,
    status: c.status,
    visitorName: c.visitorName,
    visitorEmail: c.visitorEmail ?? null,
    visitorVerified: c.visitorVerified ?? false,
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    lastMessagePreview: c.lastMessagePreview,
    assignee: c.assignedUserId ? { id: c.assignedUserId, name: c.assigneeName ?? '' } : null,
    visitorContext: c.visitorContext ?? null,
  };
}

export function toMessageDto(m: MessageEntity, attachments: AttachmentDto[] = []): MessageDto {
  return {
    id: m.id,
    chatId: m.chatId,
    text: m.text,
    author: { role: m.authorRole, id: m.authorId, name: m.authorName },
    attachments,
    createdAt: m.createdAt.toISOString(),
  };
}
