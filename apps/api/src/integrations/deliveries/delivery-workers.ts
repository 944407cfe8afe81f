import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { DeliveryKind } from '@satchel/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { bullOptions } from '../../jobs/bull-options';
import {
  assertHandled,
  jobProcessor,
  workerSpec,
  type JobHandler,
  type WorkerSpec,
} from '../../jobs/job-registry';
import { JOBS, QUEUES } from '../../jobs/queues';
import { UnreadableSecretError } from '../secrets/unreadable-secret.error';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryJobsRepository, type DeliveryJobData } from './delivery-jobs.repository';
import { DeliveryProcessors } from './delivery-processors';
import { ReconciliationService } from './reconciliation.service';
import { retryDelay } from './retry-schedule';

/**
 * The integration queues' BullMQ workers (only in processes that run jobs). Built here rather than
 * with `@Processor` because their retry schedule, lock duration and stalled-job interval come from
 * configuration. A worker that dies mid-job loses its lock; after `JOB_STALLED_INTERVAL_MS` another
 * worker takes the job again (same delivery, same webhook-id). Each kind's processor is registered
 * in `DeliveryProcessors` by the module that owns it.
 */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('IntegrationWorkers');
  private workers: Worker[] = [];
  private scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processors: DeliveryProcessors,
    private readonly reconciliation: ReconciliationService,
    private readonly deliveries: DeliveriesRepository,
    private readonly jobs: DeliveryJobsRepository,
  ) {}

  onApplicationBootstrap(): void {
    const specs = this.specs();
    assertHandled(specs);
    this.workers = specs.map((spec) => this.start(spec));
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

  /** Every integration queue's jobs with their handlers; the registry checks that none is missing. */
  private specs(): WorkerSpec[] {
    const { retryScheduleMs } = this.config.callbacks;
    const deliver = (kind: DeliveryKind) => {
      const processor = this.processors.get(kind);
      return this.failingOnUnreadableSecrets((job: Job<DeliveryJobData>) => processor.process(job));
    };
    return [
      workerSpec({
        queue: QUEUES.callbacks,
        handlers: { [JOBS.deliver]: deliver('callback') },
        retryScheduleMs,
        concurrency: 4,
      }),
      workerSpec({
        queue: QUEUES.exports,
        handlers: { [JOBS.deliver]: deliver('export') },
        retryScheduleMs: this.config.integrations.exportRetryScheduleMs,
        concurrency: 2,
      }),
      workerSpec({
        queue: QUEUES.events,
        handlers: { [JOBS.deliver]: deliver('event') },
        retryScheduleMs,
        concurrency: 4,
      }),
      workerSpec({
        queue: QUEUES.integrations,
        handlers: { [JOBS.reconcileDeliveries]: () => this.reconciliation.run() },
        retryScheduleMs: [],
        concurrency: 1,
      }),
    ];
  }

  private start(spec: WorkerSpec): Worker {
    const worker = new Worker(spec.queue, jobProcessor(spec), {
      ...bullOptions(this.config),
      concurrency: spec.concurrency,
      lockDuration: this.config.jobs.lockDurationMs,
      stalledInterval: this.config.jobs.stalledIntervalMs,
      settings: {
        backoffStrategy: (attemptsMade: number) => retryDelay(spec.retryScheduleMs, attemptsMade),
      },
    });
    worker.on('failed', (job, err) => void this.onFailed(job, err));
    worker.on('error', (err) => this.log.error(`${spec.queue} worker: ${err.message}`));
    return worker;
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
