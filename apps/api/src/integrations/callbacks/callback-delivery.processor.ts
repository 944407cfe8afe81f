import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { STORAGE_DRIVER, type StorageDriver } from '../../storage/storage.driver';
import { ATTACHMENT_SOURCE, type AttachmentSource } from '../deliveries/attachment-source';
import { CallbackSender, type SendResult } from './callback-sender';
import { CallbackSettingsRepository } from './callback-settings.repository';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryAttempts, type AttemptReport } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { webhookId } from './webhook-signature';

export function reportOf(r: SendResult): AttemptReport {
  const base = {
    retryable: r.retryable,
    httpStatus: r.httpStatus,
    excerpt: r.excerpt,
    durationMs: r.durationMs,
  };
  switch (r.outcome.kind) {
    case 'delivered':
      return {
        ...base,
        outcome: 'delivered',
        error: null,
        result: { uid: r.outcome.uid || null, url: r.outcome.url || null },
      };
    case 'refused':
      return { ...base, outcome: 'refused', error: `Refused: ${r.outcome.message}` };
    default:
      return { ...base, outcome: 'error', error: r.outcome.error };
  }
}

/** Seed 002's external callback: POSTs each stored file (multipart `file` + `chatID`), signed. */
@Injectable()
export class CallbackDeliveryProcessor {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly attempts: DeliveryAttempts,
    @Inject(ATTACHMENT_SOURCE) private readonly attachments: AttachmentSource,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const d = await this.deliveries.find(job.data.deliveryId);
    if (!d || d.status !== 'pending') return;
    const s = await this.settings.find(d.accountId);
    if (!s?.enabled || !s.url || !s.secretSealed)
      return this.attempts.abandon(d, 'The callback was switched off before this file was delivered');
    const a = d.attachmentId ? await this.attachments.find(d.attachmentId) : null;
    if (!a) return this.attempts.abandon(d, 'The attachment was deleted before it could be delivered');
    const url = s.url;
    if (d.target !== url) await this.deliveries.updateUnlessDone(d.id, { target: url });
    const target = { url, secret: this.secrets.callback.open(s.secretSealed), webhookId: webhookId(d.id) };
    await this.attempts.run(job, d, async () =>
      reportOf(await this.sender.sendFile(target, a.chatId ?? '', a, () => this.storage.read(a.storageKey))),
    );
  }
}
