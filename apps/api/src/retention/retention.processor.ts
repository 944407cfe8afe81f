import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { RetentionJobsRepository } from './retention-jobs.repository';
import { RetentionSweeper, type SweepResult } from './retention-sweeper.service';

/** Runs the scheduled sweeps in processes that run jobs (one at a time per process; a lock across them). */
@JobProcessor()
export class RetentionProcessor implements QueueProcessor, OnApplicationBootstrap {
  private readonly log = new Logger('RetentionWorker');

  constructor(
    private readonly sweeper: RetentionSweeper,
    private readonly jobs: RetentionJobsRepository,
  ) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.retention,
        handlers: { [JOBS.retentionSweep]: () => this.sweep() },
        concurrency: 1,
      }),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .schedule()
      .catch((err: Error) => this.log.warn(`Could not schedule sweeps: ${err.message}`));
  }

  sweep(): Promise<SweepResult> {
    return this.sweeper.run();
  }
}
