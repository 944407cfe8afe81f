import { Injectable } from '@nestjs/common';
import type { AttemptOutcome } from '@satchel/contracts';
import type { Job } from 'bullmq';
import { Metrics } from '../../metrics/metrics';
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryJobData } from './delivery-jobs.repository';
import type { DeliveryEntity } from './delivery.entity';
import type { DeliveryPatch } from './deliveries.repository';

export interface AttemptReport {
  outcome: AttemptOutcome;
  retryable: boolean;
  error: string | null;
  httpStatus: number | null;
  excerpt: string | null;
  durationMs: number;
  /** Fields stored on success (uid/url, export key). */
  result?: DeliveryPatch;
}

/** Thrown to have BullMQ retry the job on the configured schedule. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}

/**
 * One attempt of a delivery, the same for callbacks, exports and events: logged before it starts
 * (so a killed worker leaves a trace), its outcome recorded, the delivery moved on, and a retry
 * requested from BullMQ while the schedule lasts.
 */
@Injectable()
export class DeliveryAttempts {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly metrics: Metrics,
  ) {}

  async run(
    job: Job<DeliveryJobData>,
    d: DeliveryEntity,
    attempt: () => Promise<AttemptReport>,
  ): Promise<void> {
    const { attemptId } = await this.deliveries.beginAttempt(d.id);
    const r = await attempt();
    this.metrics.deliveries.inc({ kind: d.kind, outcome: r.outcome });
    await this.deliveries.finishAttempt(attemptId, {
      durationMs: r.durationMs,
      httpStatus: r.httpStatus,
      responseExcerpt: r.excerpt,
      error: r.error,
      outcome: r.outcome,
    });
    if (r.outcome === 'delivered' || r.outcome === 'exported') {
      await this.deliveries.updateUnlessDone(d.id, {
        ...r.result,
        status: r.outcome,
        lastError: null,
        lastHttpStatus: r.httpStatus,
        completedAt: new Date(),
      });
      return;
    }
    const last = !r.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const status = !last ? 'pending' : r.outcome === 'refused' ? 'refused' : 'failed';
    await this.deliveries.updateUnlessDone(d.id, {
      status,
      lastError: r.error,
      lastHttpStatus: r.httpStatus,
    });
    if (!last) throw new RetryLaterError(r.error ?? 'retry');
  }

  /** Ends a delivery without an attempt (switched off, attachment gone). */
  async abandon(d: DeliveryEntity, reason: string): Promise<void> {
    await this.deliveries.updateUnlessDone(d.id, { status: 'failed', lastError: reason });
  }
}
