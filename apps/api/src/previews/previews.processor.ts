import type { Job } from 'bullmq';
import type { BackfillJobData, PreviewJobData } from '../jobs/job-payloads';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { PREVIEW_JOB_ATTEMPTS } from './preview-jobs.repository';
import { PreviewsService } from './previews.service';

/** `previews.generate` and `previews.backfill`: one at a time per process (decoders are CPU- and memory-heavy). */
@JobProcessor()
export class PreviewsProcessor implements QueueProcessor {
  constructor(private readonly previews: PreviewsService) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.previews,
        handlers: {
          [JOBS.generatePreview]: (job) => this.generate(job),
          [JOBS.backfillPreviews]: (job) => this.backfill(job),
        },
        concurrency: 1,
      }),
    ];
  }

  async generate(job: Job<PreviewJobData>): Promise<void> {
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? PREVIEW_JOB_ATTEMPTS);
    await this.previews.generate(job.data.attachmentId, lastTry);
  }

  async backfill(job: Job<BackfillJobData>): Promise<void> {
    await this.previews.backfill(job.data.accountId, job.id ?? 'manual');
  }
}
