import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryKind } from '@satchel/contracts';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryJobsRepository } from './delivery-jobs.repository';
import { DeliveryTargets, type AttachmentDeliveryKind } from './delivery-targets';

/** How long an upload's follow-up may wait for Redis before giving up (reconciliation catches up). */
const ENQUEUE_TIMEOUT_MS = 3000;

export interface StoredAttachmentRef {
  accountId: string;
  attachmentId: string;
  chatId: string | null;
}

/**
 * Turns a stored attachment into callback/export deliveries: the record is written to PostgreSQL
 * first, then the job to Redis. When Redis is down the job is missing but the record is not, and
 * reconciliation enqueues it later; callers (uploads) never fail or wait because of this.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly log = new Logger('Deliveries');

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly jobs: DeliveryJobsRepository,
    private readonly targets: DeliveryTargets,
  ) {}

  /** Which of callback/export are switched on for this account now. */
  async activeKinds(accountId: string): Promise<AttachmentDeliveryKind[]> {
    const targets = this.targets.all();
    const on = await Promise.all(targets.map((t) => t.enabledFor(accountId)));
    return targets.filter((_, i) => on[i]).map((t) => t.kind);
  }

  async dispatch(ref: StoredAttachmentRef, kinds: AttachmentDeliveryKind[]): Promise<number> {
    let enqueued = 0;
    for (const kind of kinds) {
      const { delivery } = await this.deliveries.ensureForAttachment(kind, ref);
      if (delivery.status === 'pending' && (await this.enqueueSafely(kind, delivery.id))) enqueued++;
    }
    return enqueued;
  }

  /** Never throws: a failure is logged and left to reconciliation. */
  async enqueueSafely(kind: DeliveryKind, deliveryId: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.jobs.enqueue(kind, deliveryId), timeout]);
      return true;
    } catch (err) {
      this.log.warn(
        `Could not queue ${kind} delivery ${deliveryId} (reconciliation will retry): ${(err as Error).message}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
