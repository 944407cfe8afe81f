import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { bullOptions } from '../jobs/bull-options';
import { JOBS, QUEUES } from '../jobs/queues';
import { RetentionJobsRepository } from './retention-jobs.repository';
import { RetentionSweeper, type SweepResult } from './retention-sweeper.service';

/** Runs the scheduled sweeps in processes that run jobs (one at a time per process; a lock across them). */
@Injectable()
export class RetentionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('RetentionWorker');
  private worker?: Worker;

  constructor(
    private readonly sweeper: RetentionSweeper,
    private readonly jobs: RetentionJobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(
      QUEUES.retention,
      async (job: Job): Promise<SweepResult | undefined> =>
        job.name === JOBS.retentionSweep ? this.sweeper.run() : undefined,
      { ...bullOptions(this.config), concurrency: 1 },
    );
    this.worker.on('error', (err) => this.log.error(`retention worker: ${err.message}`));
    await this.jobs
      .schedule()
      .catch((err: Error) => this.log.warn(`Could not schedule sweeps: ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
