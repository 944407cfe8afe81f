import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';

export type { BackfillJobData, PreviewJobData } from '../jobs/job-payloads';

/** Transient failures (storage unreachable, renderer died) are retried: 5 tries, doubling delay. */
export const PREVIEW_JOB_ATTEMPTS = 5;

@Injectable()
export class PreviewJobsRepository {
  constructor(
    @InjectJobQueue(QUEUES.previews) private readonly queue: JobQueue<typeof QUEUES.previews>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One job per attachment (the job id), so a replayed event does not render twice; a backfill
   * round (`round`) may queue it again.
   */
  async enqueue(attachmentId: string, round?: string): Promise<void> {
    await this.queue.add(
      JOBS.generatePreview,
      { attachmentId },
      {
        jobId: round ? `preview-${attachmentId}-${round}` : `preview-${attachmentId}`,
        attempts: PREVIEW_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.previews.retryDelayMs },
      },
    );
  }

  /** Previews of the account's existing files, after they were turned on. */
  async enqueueBackfill(accountId: string): Promise<void> {
    await this.queue.add(
      JOBS.backfillPreviews,
      { accountId },
      {
        attempts: PREVIEW_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.previews.retryDelayMs },
      },
    );
  }
}
