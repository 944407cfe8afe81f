import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';

export interface PreviewJobData {
  attachmentId: string;
}

/** Transient failures (storage unreachable) are retried: 5 tries, 2 s doubling. */
export const PREVIEW_JOB_ATTEMPTS = 5;

@Injectable()
export class PreviewJobsRepository {
  constructor(@InjectQueue(QUEUES.previews) private readonly queue: Queue<PreviewJobData>) {}

  /** One job per attachment (the job id), so a replayed event does not render twice. */
  async enqueue(attachmentId: string): Promise<void> {
    await this.queue.add(
      JOBS.generatePreview,
      { attachmentId },
      {
        jobId: `preview-${attachmentId}`,
        attempts: PREVIEW_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2000 },
      },
    );
  }
}
