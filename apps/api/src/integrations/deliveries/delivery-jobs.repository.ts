import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryKind } from '@satchel/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { InjectJobQueue, type JobQueue } from '../../jobs/job-queue';
import { JOBS, QUEUES } from '../../jobs/queues';

export type { DeliveryJobData } from '../../jobs/job-map';

/** Backoff type handled by the workers' custom strategy (the configured schedule, with jitter). */
export const SCHEDULE_BACKOFF = 'schedule';

const QUEUE_OF = { callback: QUEUES.callbacks, export: QUEUES.exports, event: QUEUES.events } as const;

/** BullMQ side of deliveries: one job per delivery, its id the delivery id (so adding is idempotent). */
@Injectable()
export class DeliveryJobsRepository {
  private readonly queues: Record<DeliveryKind, JobQueue<(typeof QUEUE_OF)[DeliveryKind]>>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectJobQueue(QUEUES.callbacks) callbacks: JobQueue<typeof QUEUES.callbacks>,
    @InjectJobQueue(QUEUES.exports) exports: JobQueue<typeof QUEUES.exports>,
    @InjectJobQueue(QUEUES.events) events: JobQueue<typeof QUEUES.events>,
    @InjectJobQueue(QUEUES.integrations) private readonly maintenance: JobQueue<typeof QUEUES.integrations>,
  ) {
    this.queues = { callback: callbacks, export: exports, event: events };
  }

  static queueOf(kind: DeliveryKind): string {
    return QUEUE_OF[kind];
  }

  scheduleOf(kind: DeliveryKind): number[] {
    return kind === 'export'
      ? this.config.integrations.exportRetryScheduleMs
      : this.config.callbacks.retryScheduleMs;
  }

  /** Adds the job unless one with this id is waiting, delayed or running. */
  async enqueue(kind: DeliveryKind, deliveryId: string): Promise<void> {
    const queue = this.queues[kind];
    const existing = await queue.getJob(deliveryId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
      await existing.remove();
    }
    await queue.add(
      JOBS.deliver,
      { deliveryId },
      { jobId: deliveryId, attempts: this.scheduleOf(kind).length + 1, backoff: { type: SCHEDULE_BACKOFF } },
    );
  }

  /**
   * Re-creates the reconciliation schedule when Redis no longer has it (restarted without persistence,
   * FLUSHALL) and then queues one reconciliation at once. True when it had to.
   */
  async restoreReconciliation(): Promise<boolean> {
    if (await this.maintenance.getJobScheduler(JOBS.reconcileDeliveries)) return false;
    await this.scheduleReconciliation();
    await this.maintenance.add(JOBS.reconcileDeliveries, {}, { removeOnComplete: true, removeOnFail: true });
    return true;
  }

  /** Idempotent: every process may call it; BullMQ keeps one schedule. */
  async scheduleReconciliation(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JOBS.reconcileDeliveries,
      { every: this.config.integrations.reconcileIntervalMs },
      { name: JOBS.reconcileDeliveries },
    );
  }
}
