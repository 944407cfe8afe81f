import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ATTACHMENT_SOURCE, type AttachmentRecord, type AttachmentSource } from './attachment-source';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryAttempts } from './delivery-attempts';
import type { DeliveryJobData } from './delivery-jobs.repository';
import type { DeliveryEntity } from './delivery.entity';

/** How one kind of delivery finds what it needs before an attempt. */
export interface DeliveryStartSteps<S> {
  /** What the attempt needs from the account's settings, or null when the integration was switched off. */
  settings(d: DeliveryEntity): Promise<S | null>;
  /** The reason recorded when `settings` gives null. */
  switchedOff: string;
}

export interface AttachmentDeliveryStartSteps<S> extends DeliveryStartSteps<S> {
  /** The reason recorded when the attachment no longer exists. */
  attachmentGone: string;
}

export interface PendingDelivery<S> {
  delivery: DeliveryEntity;
  settings: S;
}

export interface PendingAttachmentDelivery<S> extends PendingDelivery<S> {
  attachment: AttachmentRecord;
}

/**
 * The start every delivery job repeats: load the delivery (nothing to do unless still pending),
 * check its settings, load its attachment, and give the delivery up when either is gone.
 */
@Injectable()
export class DeliveryStart {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly attempts: DeliveryAttempts,
    @Inject(ATTACHMENT_SOURCE) private readonly attachments: AttachmentSource,
  ) {}

  /** The pending delivery and its settings, or null when there is nothing (more) to attempt. */
  async pending<S>(
    job: Job<DeliveryJobData>,
    steps: DeliveryStartSteps<S>,
  ): Promise<PendingDelivery<S> | null> {
    const delivery = await this.deliveries.find(job.data.deliveryId);
    if (!delivery || delivery.status !== 'pending') return null;
    const settings = await steps.settings(delivery);
    if (settings === null) {
      await this.attempts.abandon(delivery, steps.switchedOff);
      return null;
    }
    return { delivery, settings };
  }

  /** As `pending`, with the attachment the delivery sends. */
  async pendingWithAttachment<S>(
    job: Job<DeliveryJobData>,
    steps: AttachmentDeliveryStartSteps<S>,
  ): Promise<PendingAttachmentDelivery<S> | null> {
    const started = await this.pending(job, steps);
    if (!started) return null;
    const { delivery } = started;
    const attachment = delivery.attachmentId ? await this.attachments.find(delivery.attachmentId) : null;
    if (!attachment) {
      await this.attempts.abandon(delivery, steps.attachmentGone);
      return null;
    }
    return { ...started, attachment };
  }
}
