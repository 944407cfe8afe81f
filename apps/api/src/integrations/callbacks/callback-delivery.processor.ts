import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { STORAGE_DRIVER, type StorageDriver } from '../../storage/storage.driver';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryAttempts } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { DeliveryProcessors, type DeliveryProcessor } from '../deliveries/delivery-processors';
import { DeliveryStart } from '../deliveries/delivery-start';
import { webhookId } from '../deliveries/webhook-id';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { reportOf } from './attempt-report';
import { CallbackSender } from './callback-sender';
import { CallbackSettingsRepository } from './callback-settings.repository';

/** Seed 002's external callback: POSTs each stored file (multipart `file` + `chatID`), signed. */
@Injectable()
export class CallbackDeliveryProcessor implements DeliveryProcessor, OnModuleInit {
  readonly kind = 'callback';

  constructor(
    private readonly processors: DeliveryProcessors,
    private readonly start: DeliveryStart,
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly attempts: DeliveryAttempts,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  onModuleInit(): void {
    this.processors.register(this);
  }

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
