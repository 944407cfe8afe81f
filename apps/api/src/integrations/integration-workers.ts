import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job, type Processor } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { bullOptions } from '../jobs/bull-options';
import { JOBS, QUEUES } from '../jobs/queues';
import { withJobLogs } from '../logging/job-logs';
import { CallbackDeliveryProcessor } from './callbacks/callback-delivery.processor';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryJobsRepository, type DeliveryJobData } from './deliveries/delivery-jobs.repository';
import { EventsDeliveryProcessor } from './event-webhooks/events-delivery.processor';
import { ReconciliationService } from './deliveries/reconciliation.service';
import { retryDelay } from './deliveries/retry-schedule';
import { S3ExportProcessor } from './s3-export/s3-export.processor';
import { UnreadableSecretError } from './secrets/unreadable-secret.error';

/**
 * The integration queues' BullMQ workers (only in processes that run jobs). Built here rather than
 * with `@Processor` because their retry schedule, lock duration and stalled-job interval come from
 * configuration. A worker that dies mid-job loses its lock; after `JOB_STALLED_INTERVAL_MS` another
 * worker takes the job again (same delivery, same webhook-id).
 */
@Injectable()
export class IntegrationWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('IntegrationWorkers');
  private workers: Worker[] = [];
  private scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly callbacks: CallbackDeliveryProcessor,
    private readonly exports: S3ExportProcessor,
    private readonly events: EventsDeliveryProcessor,
    private readonly reconciliation: ReconciliationService,
    private readonly deliveries: DeliveriesRepository,
    private readonly jobs: DeliveryJobsRepository,
  ) {}

  onApplicationBootstrap(): void {
    const { retryScheduleMs } = this.config.callbacks;
    this.workers = [
      this.start(
        QUEUES.callbacks,
        (job: Job<DeliveryJobData>) => this.callbacks.process(job),
        retryScheduleMs,
        4,
      ),
      this.start(
        QUEUES.exports,
        (job: Job<DeliveryJobData>) => this.exports.process(job),
        this.config.integrations.exportRetryScheduleMs,
        2,
      ),
      this.start(QUEUES.events, (job: Job<DeliveryJobData>) => this.events.process(job), retryScheduleMs, 4),
      this.start(
        QUEUES.integrations,
        async (job: Job) => (job.name === JOBS.reconcileDeliveries ? this.reconciliation.run() : undefined),
        [],
        1,
      ),
    ];
    // A Redis restarted without persistence (or flushed) forgets the schedule and every queued job:
    // check for the schedule often, and when it is gone restore it and reconcile at once.
    this.scheduleTimer = setInterval(
      () => void this.restoreSchedule(),
      this.config.integrations.reconcileWatchIntervalMs,
    );
    this.scheduleTimer.unref();
    for (const w of this.workers) w.on('ready', () => void this.restoreSchedule());
  }

  private async restoreSchedule(): Promise<void> {
    try {
      if (await this.jobs.restoreReconciliation())
        this.log.warn('The reconciliation schedule was missing from Redis: restored, reconciling now');
    } catch (err) {
      this.log.warn(`Could not check the reconciliation schedule: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.scheduleTimer);
    await Promise.all(this.workers.map((w) => w.close()));
  }

  /** Stops at once without finishing or releasing running jobs: what Redis sees when a process is killed. */
  async kill(): Promise<void> {
    clearInterval(this.scheduleTimer);
    await Promise.all(this.workers.map((w) => w.close(true)));
  }

  private start(queue: string, processor: Processor, schedule: number[], concurrency: number): Worker {
    const worker = new Worker(
      queue,
      (job, token) => withJobLogs(job, () => this.failingOnUnreadableSecrets(processor)(job, token)),
      {
        ...bullOptions(this.config),
        concurrency,
        lockDuration: this.config.jobs.lockDurationMs,
        stalledInterval: this.config.jobs.stalledIntervalMs,
        settings: { backoffStrategy: (attemptsMade: number) => retryDelay(schedule, attemptsMade) },
      },
    );
    worker.on('failed', (job, err) => void this.onFailed(job, err));
    worker.on('error', (err) => this.log.error(`${queue} worker: ${err.message}`));
    return worker;
  }

  /** A delivery whose secret the current SECRETS_KEY cannot open fails at once, with the reason, instead of waiting. */
  private failingOnUnreadableSecrets(processor: Processor): Processor {
    return async (job: Job) => {
      try {
        return (await processor(job)) as unknown;
      } catch (err) {
        const id = (job.data as Partial<DeliveryJobData>).deliveryId;
        if (!(err instanceof UnreadableSecretError) || !id) throw err;
        await this.deliveries.failIfPending(id, err.message);
      }
    };
  }

  /** A job that ended failed outside the normal path (stalled too often, unexpected error on its last try). */
  private async onFailed(job: Job | undefined, err: Error): Promise<void> {
    const id = (job?.data as Partial<DeliveryJobData> | undefined)?.deliveryId;
    if (!job?.finishedOn || !id) {
      if (!(err.name === 'RetryLaterError'))
        this.log.warn(`Job ${job?.id ?? '?'} will be retried: ${err.message}`);
      return;
    }
    try {
      await this.deliveries.failIfPending(id, `Job failed: ${err.message}`);
    } catch (e) {
      this.log.error(`Could not mark delivery ${id} failed: ${(e as Error).message}`);
    }
  }
}
