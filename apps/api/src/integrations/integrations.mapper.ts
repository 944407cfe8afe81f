import type { CallbackSettings, DeliveryDto, S3ExportSettings } from '@satchel/contracts';
import type { CallbackSettingsEntity } from './callbacks/callback-settings.entity';
import type { DeliveryAttemptEntity, DeliveryEntity } from './deliveries/delivery.entity';
import type { S3ExportSettingsEntity } from './s3-export/s3-export-settings.entity';
import { webhookId } from './callbacks/webhook-signature';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCallbackSettings(s: CallbackSettingsEntity | null): CallbackSettings {
  return {
    enabled: s?.enabled ?? false,
    url: s?.url ?? null,
    eventsEnabled: s?.eventsEnabled ?? false,
    eventsUrl: s?.eventsUrl ?? null,
    eventTypes: s?.eventTypes ?? [],
    secretLast4: s?.secretLast4 ?? null,
    secretCreatedAt: iso(s?.secretCreatedAt ?? null),
    updatedAt: iso(s?.updatedAt ?? null),
  };
}

export function toS3ExportSettings(s: S3ExportSettingsEntity | null): S3ExportSettings {
  return {
    disabled: s?.disabled ?? true,
    configured: Boolean(s?.bucket && s.accessKeyIdSealed && s.secretAccessKeySealed),
    accessKeyIdLast4: s?.accessKeyIdLast4 ?? null,
    secretAccessKeyLast4: s?.secretAccessKeyLast4 ?? null,
    region: s?.region ?? 'us-east-1',
    bucket: s?.bucket ?? null,
    folder: s?.folder ?? '',
    endpoint: s?.endpoint ?? null,
    updatedAt: iso(s?.updatedAt ?? null),
  };
}

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
    completedAt: iso(d.completedAt),
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
