import type { Job } from 'bullmq';
import type { TextJobData } from '../jobs/job-payloads';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { TEXT_JOB_ATTEMPTS } from './texts.repository';
import { TextsService } from './texts.service';

/** `texts.extract`: one at a time per process (parsing documents is CPU-bound). */
@JobProcessor()
export class TextsProcessor implements QueueProcessor {
  constructor(private readonly texts: TextsService) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.texts,
        handlers: { [JOBS.extractText]: (job) => this.extract(job) },
        concurrency: 1,
      }),
    ];
  }

  async extract(job: Job<TextJobData>): Promise<void> {
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? TEXT_JOB_ATTEMPTS);
    await this.texts.extract(job.data.attachmentId, lastTry);
  }
}
