import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { withJobLogs } from '../logging/job-logs';
import { ReindexService } from './reindex.service';
import {
  TEXT_JOB_ATTEMPTS,
  TextsRepository,
  type ReindexJobData,
  type TextJobData,
} from './texts.repository';
import { TextsService } from './texts.service';

/** `texts.extract` and `texts.reindex`: one at a time per process (parsing documents is CPU-bound). */
@Processor(QUEUES.texts, { concurrency: 1 })
export class TextsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(
    private readonly texts: TextsService,
    private readonly reindex: ReindexService,
    private readonly repo: TextsRepository,
  ) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  process(job: Job<TextJobData | ReindexJobData>): Promise<void> {
    return withJobLogs(job, async () => {
      if (job.name === JOBS.reindexTexts) {
        const next = await this.reindex.step(job.data as ReindexJobData);
        if (next) await this.repo.enqueueReindex(next);
        return;
      }
      if (job.name !== JOBS.extractText) return;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? TEXT_JOB_ATTEMPTS);
      await this.texts.extract((job.data as TextJobData).attachmentId, lastTry);
    });
  }
}
