import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { DeliveryKind } from '@satchel/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { workerSpec, type JobHandler, type WorkerSpec } from '../../jobs/job-registry';
import { JobProcessor, JobWorkers, type QueueProcessor } from '../../jobs/job-workers';
import { JOBS, QUEUES } from '../../jobs/queues';
import { UnreadableSecretError } from '../secrets/unreadable-secret.error';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryJobsRepository, type DeliveryJobData } from './delivery-jobs.repository';
import { DeliveryProcessors } from './delivery-processors';
import { ReconciliationService } from './reconciliation.service';
import { retryDelay } from './retry-schedule';

const INTEGRATION_QUEUES = [QUEUES.callbacks, QUEUES.exports, QUEUES.events, QUEUES.integrations];

/**
 * The integration queues' jobs (only in processes that run jobs), started by the job registry with
 * the configured retry schedule, lock duration and stalled-job interval. A worker that dies mid-job
 * loses its lock; after `JOB_STALLED_INTERVAL_MS` another worker takes the job again (same delivery,
 * same webhook-id). Each kind's processor is registered in `DeliveryProcessors` by the module that
 * owns it.
 */
@JobProcessor()
export class DeliveryWorkers implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('IntegrationWorkers');
  private scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processors: DeliveryProcessors,
    private readonly reconciliation: ReconciliationService,
    private readonly deliveries: DeliveriesRepository,
    private readonly jobs: DeliveryJobsRepository,
    private readonly workers: JobWorkers,
  ) {}

  onApplicationBootstrap(): void {
    // A Redis restarted without persistence (or flushed) forgets the schedule and every queued job:
    // check for the schedule often, and when it is gone restore it and reconcile at once.
    this.scheduleTimer = setInterval(
      () => void this.restoreSchedule(),
      this.config.integrations.reconcileWatchIntervalMs,
    );
    this.scheduleTimer.unref();
  }

  private async restoreSchedule(): Promise<void> {
    try {
      if (await this.jobs.restoreReconciliation())
        this.log.warn('The reconciliation schedule was missing from Redis: restored, reconciling now');
    } catch (err) {
      this.log.warn(`Could not check the reconciliation schedule: ${(err as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.scheduleTimer);
  }

  /** Stops at once without finishing or releasing running jobs: what Redis sees when a process is killed. */
  async kill(): Promise<void> {
    clearInterval(this.scheduleTimer);
    await this.workers.kill(INTEGRATION_QUEUES);
  }

  /** Every integration queue's jobs with their handlers; the registry checks that none is missing. */
  workerSpecs(): WorkerSpec[] {
    const { retryScheduleMs } = this.config.callbacks;
    const deliver = (kind: DeliveryKind) =>
      this.failingOnUnreadableSecrets((job: Job<DeliveryJobData>) => this.processors.get(kind).process(job));
    const options = (schedule: number[]) => ({
      lock: this.config.jobs,
      backoff: (attemptsMade: number) => retryDelay(schedule, attemptsMade),
      listen: (worker: Worker) => {
        worker.on('failed', (job, err) => void this.onFailed(job, err));
        worker.on('ready', () => void this.restoreSchedule());
      },
    });
    return [
      workerSpec({
        queue: QUEUES.callbacks,
        handlers: { [JOBS.deliver]: deliver('callback') },
        ...options(retryScheduleMs),
        concurrency: 4,
      }),
      workerSpec({
        queue: QUEUES.exports,
        handlers: { [JOBS.deliver]: deliver('export') },
        ...options(this.config.integrations.exportRetryScheduleMs),
        concurrency: 2,
      }),
      workerSpec({
        queue: QUEUES.events,
        handlers: { [JOBS.deliver]: deliver('event') },
        ...options(retryScheduleMs),
        concurrency: 4,
      }),
      workerSpec({
        queue: QUEUES.integrations,
        handlers: { [JOBS.reconcileDeliveries]: () => this.reconciliation.run() },
        ...options([]),
        concurrency: 1,
      }),
    ];
  }

  /** A delivery whose secret the current SECRETS_KEY cannot open fails at once, with the reason, instead of waiting. */
  private failingOnUnreadableSecrets(handler: JobHandler<DeliveryJobData>): JobHandler<DeliveryJobData> {
    return async (job) => {
      try {
        return await handler(job);
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
