import type { DeliveryDto } from '@satchel/contracts';
import type { DeliveryAttemptEntity, DeliveryEntity } from './delivery.entity';
import { isoOrNull } from './iso-or-null';
import { webhookId } from './webhook-id';

export function toDeliveryDto(d: DeliveryEntity, attempts: DeliveryAttemptEntity[] = []): DeliveryDto {
  return {
    id: d.id,
    kind: d.kind,
    webhookId: webhookId(d.id),
    attachmentId: d.attachmentId,
    chatId: d.chatId,
    eventType: d.eventType,
    target: d.target,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    lastHttpStatus: d.lastHttpStatus,
    uid: d.uid,
    url: d.url,
    exportKey: d.exportKey,
    completedAt: isoOrNull(d.completedAt),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    attemptsLog: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      httpStatus: a.httpStatus,
      responseExcerpt: a.responseExcerpt,
      error: a.error,
      outcome: a.outcome,
    })),
  };
}
