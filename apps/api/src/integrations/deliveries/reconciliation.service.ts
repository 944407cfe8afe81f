import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ATTACHMENT_SOURCE, type AttachmentSource } from './attachment-source';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryTargets, type AttachmentDeliveryKind } from './delivery-targets';

const BATCH = 500;

/**
 * Nothing lost: finds stored attachments that never got their callback/export record (the event
 * was missed, e.g. the process died right after the upload) and pending deliveries whose job is
 * missing (Redis was down when they were queued), and queues them.
 */
@Injectable()
export class ReconciliationService {
  private readonly log = new Logger('Reconciliation');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_SOURCE) private readonly attachments: AttachmentSource,
    private readonly targets: DeliveryTargets,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async run(): Promise<{ recorded: number; requeued: number }> {
    // Younger than the grace period: the upload's own listener is still on it.
    const until = new Date(Date.now() - this.config.integrations.reconcileGraceMs);
    let recorded = 0;
    for (const target of this.targets.all()) {
      for (const s of await target.enabledAccounts())
        recorded += await this.catchUp(target.kind, s.accountId, s.enabledAt ?? until, until);
    }
    let requeued = 0;
    for (const d of await this.deliveries.stalePending(until, BATCH * 2)) {
      if (await this.dispatcher.enqueueSafely(d.kind, d.id)) requeued++;
    }
    if (recorded) this.log.warn(`Recorded ${recorded} missed deliveries`);
    return { recorded, requeued };
  }

  /** The S3 backlog: everything never exported (since the beginning) plus failed exports. */
  async exportBacklog(accountId: string): Promise<number> {
    let enqueued = await this.catchUp('export', accountId, new Date(0), new Date());
    for (const d of await this.deliveries.failedExports(accountId, 10_000)) {
      await this.deliveries.resetForRetry(d.id);
      if (await this.dispatcher.enqueueSafely('export', d.id)) enqueued++;
    }
    return enqueued;
  }

  private async catchUp(
    kind: AttachmentDeliveryKind,
    accountId: string,
    from: Date,
    to: Date,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.attachments.missingDelivery(kind, accountId, from, to, BATCH);
      for (const a of batch)
        await this.dispatcher.dispatch({ accountId, attachmentId: a.id, chatId: a.chatId }, [kind]);
      total += batch.length;
      if (batch.length < BATCH) return total;
    }
  }
}
