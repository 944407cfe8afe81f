import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { STORAGE_DRIVER, type StorageDriver } from '../../storage/storage.driver';
import { CallbackSender, type SendResult } from './callback-sender';
import { CallbackSettingsRepository } from './callback-settings.repository';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryAttempts, type AttemptReport } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { DeliveryStart } from '../deliveries/delivery-start';
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
    private readonly start: DeliveryStart,
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly attempts: DeliveryAttempts,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const started = await this.start.pendingWithAttachment(job, {
      settings: (d) => this.settingsOf(d.accountId),
      switchedOff: 'The callback was switched off before this file was delivered',
      attachmentGone: 'The attachment was deleted before it could be delivered',
    });
    if (!started) return;
    const { delivery: d, settings: s, attachment: a } = started;
    const url = s.url;
    if (d.target !== url) await this.deliveries.updateUnlessDone(d.id, { target: url });
    const target = { url, secret: this.secrets.callback.open(s.secretSealed), webhookId: webhookId(d.id) };
    await this.attempts.run(job, d, async () =>
      reportOf(await this.sender.sendFile(target, a.chatId ?? '', a, () => this.storage.read(a.storageKey))),
    );
  }

  private async settingsOf(accountId: string): Promise<{ url: string; secretSealed: string } | null> {
    const s = await this.settings.find(accountId);
    return s?.enabled && s.url && s.secretSealed ? { url: s.url, secretSealed: s.secretSealed } : null;
  }
}
