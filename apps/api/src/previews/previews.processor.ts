import { Processor, WorkerHost } from '@nestjs/bullmq';
import { withJobLogs } from '../logging/job-logs';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import type { PreviewJobData } from './preview-jobs.repository';
import { PREVIEW_JOB_ATTEMPTS } from './preview-jobs.repository';
import { PreviewsService } from './previews.service';

/** `previews.generate`: one image at a time per process (libvips is CPU- and memory-heavy). */
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

  process(job: Job<PreviewJobData>): Promise<void> {
    return withJobLogs(job, async () => {
      if (job.name !== JOBS.generatePreview) return;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? PREVIEW_JOB_ATTEMPTS);
      await this.previews.generate(job.data.attachmentId, lastTry);
    });
  }
}
