import type { FileRequestDto } from '@satchel/contracts';
import type { FileRequestEntity } from './file-request.entity';

export function toFileRequestDto(request: FileRequestEntity): FileRequestDto {
  return {
    id: request.id,
    chatId: request.chatId,
    messageId: request.messageId,
    prompt: request.prompt,
    allowedTypes: request.allowedTypes,
    maxSizeKb: request.maxSizeKb,
    skippable: request.skippable,
    status: request.status,
    requestedBy: { role: request.requestedByRole, id: request.requestedById, name: request.requestedByName },
    fulfilledMessageId: request.fulfilledMessageId,
    createdAt: request.createdAt.toISOString(),
    resolvedAt: request.resolvedAt?.toISOString() ?? null,
  };
}
