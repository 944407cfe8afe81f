import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { reportOf } from '../callbacks/callback-delivery.processor';
import { CallbackSender } from '../callbacks/callback-sender';
import { CallbackSettingsRepository } from '../callbacks/callback-settings.repository';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryAttempts } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { webhookId } from '../callbacks/webhook-signature';

/** Posts one recorded JSON event to the URL it was recorded for, signed with the account's secret. */
@Injectable()
export class EventsDeliveryProcessor {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly attempts: DeliveryAttempts,
  ) {}

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const d = await this.deliveries.find(job.data.deliveryId);
    if (!d || d.status !== 'pending') return;
    const s = await this.settings.find(d.accountId);
    if (!s?.eventsEnabled || !s.secretSealed || !d.target || !d.payload) {
      return this.attempts.abandon(
        d,
        'Event notifications were switched off before this event was delivered',
      );
    }
    const target = {
      url: d.target,
      secret: this.secrets.callback.open(s.secretSealed),
      webhookId: webhookId(d.id),
    };
    const payload = d.payload;
    await this.attempts.run(job, d, async () => reportOf(await this.sender.sendEvent(target, payload)));
  }
}
