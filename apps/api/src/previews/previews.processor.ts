import { Processor, WorkerHost } from '@nestjs/bullmq';
import { withJobLogs } from '../logging/job-logs';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import type { BackfillJobData, PreviewJobData } from './preview-jobs.repository';
import { PREVIEW_JOB_ATTEMPTS } from './preview-jobs.repository';
import { PreviewsService } from './previews.service';

/** `previews.generate` and `previews.backfill`: one at a time per process (decoders are CPU- and memory-heavy). */
@Processor(QUEUES.previews, { concurrency: 1 })
export class PreviewsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(private readonly previews: PreviewsService) {
    super();
  }

  /**
   * Lets a running render finish (and announce itself) before the HTTP and Socket.IO servers and
   * their Redis connections close; the module's own worker shutdown comes after those.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  process(job: Job<PreviewJobData | BackfillJobData>): Promise<void> {
    return withJobLogs(job, async () => {
      if (job.name === JOBS.backfillPreviews) {
        await this.previews.backfill((job.data as BackfillJobData).accountId, job.id ?? 'manual');
        return;
      }
      if (job.name !== JOBS.generatePreview) return;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? PREVIEW_JOB_ATTEMPTS);
      await this.previews.generate((job.data as PreviewJobData).attachmentId, lastTry);
    });
  }
}
