import type { Job } from 'bullmq';
import type { ReindexJobData, TextJobData } from '../jobs/job-payloads';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { ReindexService } from './reindex.service';
import { TEXT_JOB_ATTEMPTS, TextsRepository } from './texts.repository';
import { TextsService } from './texts.service';

/** `texts.extract` and `texts.reindex`: one at a time per process (parsing documents is CPU-bound). */
@JobProcessor()
export class TextsProcessor implements QueueProcessor {
  constructor(
    private readonly texts: TextsService,
    private readonly reindex: ReindexService,
    private readonly repo: TextsRepository,
  ) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.texts,
        handlers: {
          [JOBS.extractText]: (job) => this.extract(job),
          [JOBS.reindexTexts]: (job) => this.reindexStep(job),
        },
        concurrency: 1,
      }),
    ];
  }

  async extract(job: Job<TextJobData>): Promise<void> {
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? TEXT_JOB_ATTEMPTS);
    await this.texts.extract(job.data.attachmentId, lastTry);
  }

  async reindexStep(job: Job<ReindexJobData>): Promise<void> {
    const next = await this.reindex.step(job.data);
    if (next) await this.repo.enqueueReindex(next);
  }
}
