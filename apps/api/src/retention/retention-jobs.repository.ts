import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';

/** The repeatable sweep job (every `RETENTION_SWEEP_INTERVAL`); BullMQ keeps one schedule per queue. */
@Injectable()
export class RetentionJobsRepository {
  constructor(
    @InjectJobQueue(QUEUES.retention) private readonly queue: JobQueue<typeof QUEUES.retention>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.retentionSweep,
      { every: this.config.retention.sweepIntervalMs },
      { name: JOBS.retentionSweep, opts: { removeOnComplete: 50, removeOnFail: 50 } },
    );
  }
}
