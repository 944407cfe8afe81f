import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { reportOf } from '../callbacks/attempt-report';
import { CallbackSender } from '../callbacks/callback-sender';
import { CallbackSettingsRepository } from '../callbacks/callback-settings.repository';
import { DeliveryAttempts } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { DeliveryProcessors, type DeliveryProcessor } from '../deliveries/delivery-processors';
import { DeliveryStart } from '../deliveries/delivery-start';
import type { DeliveryEntity } from '../deliveries/delivery.entity';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { webhookId } from '../deliveries/webhook-id';

/** Posts one recorded JSON event to the URL it was recorded for, signed with the account's secret. */
@Injectable()
export class EventsDeliveryProcessor implements DeliveryProcessor, OnModuleInit {
  readonly kind = 'event';

  constructor(
    private readonly processors: DeliveryProcessors,
    private readonly start: DeliveryStart,
    private readonly settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly attempts: DeliveryAttempts,
  ) {}

  onModuleInit(): void {
    this.processors.register(this);
  }

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const started = await this.start.pending(job, {
      settings: (d) => this.eventOf(d),
      switchedOff: 'Event notifications were switched off before this event was delivered',
    });
    if (!started) return;
    const { delivery: d, settings: e } = started;
    const target = {
      url: e.url,
      secret: this.secrets.callback.open(e.secretSealed),
      webhookId: webhookId(d.id),
    };
    await this.attempts.run(job, d, async () => reportOf(await this.sender.sendEvent(target, e.payload)));
  }

  private async eventOf(
    d: DeliveryEntity,
  ): Promise<{ url: string; secretSealed: string; payload: NonNullable<DeliveryEntity['payload']> } | null> {
    const s = await this.settings.find(d.accountId);
    if (!s?.eventsEnabled || !s.secretSealed || !d.target || !d.payload) return null;
    return { url: d.target, secretSealed: s.secretSealed, payload: d.payload };
  }
}
