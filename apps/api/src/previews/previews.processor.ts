import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import type { PreviewJobData } from './preview-jobs.repository';
import { PREVIEW_JOB_ATTEMPTS } from './preview-jobs.repository';
import { PreviewsService } from './previews.service';

/** `previews.generate`: one image at a time per process (libvips is CPU- and memory-heavy). */
@Processor(QUEUES.previews, { concurrency: 1 })
export class PreviewsProcessor extends WorkerHost {
  constructor(private readonly previews: PreviewsService) {
    super();
  }

  async process(job: Job<PreviewJobData>): Promise<void> {
    if (job.name !== JOBS.generatePreview) return;
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? PREVIEW_JOB_ATTEMPTS);
    await this.previews.generate(job.data.attachmentId, lastTry);
  }
}
