import type { FileRequestDto } from '@satchel/contracts';
import type { FileRequestEntity } from './file-request.entity';

export function toFileRequestDto(r: FileRequestEntity): FileRequestDto {
  return {
    id: r.id,
    chatId: r.chatId,
    messageId: r.messageId,
    prompt: r.prompt,
    allowedTypes: r.allowedTypes,
    maxSizeKb: r.maxSizeKb,
    skippable: r.skippable,
    status: r.status,
    requestedBy: { role: r.requestedByRole, id: r.requestedById, name: r.requestedByName },
    fulfilledMessageId: r.fulfilledMessageId,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}
