import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryKind } from '@satchel/contracts';
import { CallbackSettingsRepository } from '../callbacks/callback-settings.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryJobsRepository } from './delivery-jobs.repository';
import { S3ExportSettingsRepository } from '../s3-export/s3-export-settings.repository';

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
    private readonly callbacks: CallbackSettingsRepository,
    private readonly exports: S3ExportSettingsRepository,
  ) {}

  /** Which of callback/export are switched on for this account now. */
  async activeKinds(accountId: string): Promise<('callback' | 'export')[]> {
    const [cb, s3] = await Promise.all([
      this.callbacks.findCached(accountId),
      this.exports.findCached(accountId),
    ]);
    const kinds: ('callback' | 'export')[] = [];
    if (cb?.enabled && cb.url && cb.secretSealed) kinds.push('callback');
    if (s3 && !s3.disabled && s3.bucket && s3.secretAccessKeySealed) kinds.push('export');
    return kinds;
  }

  async dispatch(ref: StoredAttachmentRef, kinds: ('callback' | 'export')[]): Promise<number> {
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
