import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { withJobLogs } from '../logging/job-logs';
import { TEXT_JOB_ATTEMPTS, type TextJobData } from './texts.repository';
import { TextsService } from './texts.service';

/** `texts.extract`: one at a time per process (parsing documents is CPU-bound). */
@Processor(QUEUES.texts, { concurrency: 1 })
export class TextsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(private readonly texts: TextsService) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  process(job: Job<TextJobData>): Promise<void> {
    return withJobLogs(job, async () => {
      if (job.name !== JOBS.extractText) return;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? TEXT_JOB_ATTEMPTS);
      await this.texts.extract(job.data.attachmentId, lastTry);
    });
  }
}
