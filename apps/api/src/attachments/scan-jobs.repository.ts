import { Injectable } from '@nestjs/common';
import type { ScanJobData } from '../jobs/job-payloads';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';

export type { ScanJobData } from '../jobs/job-payloads';

/**
 * A clamd outage with `closed` keeps the file `scanning`; the job retries with doubling delays from
 * 5 s, for about a week in all.
 */
export const SCAN_JOB_ATTEMPTS = 17;

/** The `scans.upload` jobs: resumable uploads stored `scanning`, waiting for clamd's verdict. */
@Injectable()
export class ScanJobsRepository {
  constructor(@InjectJobQueue(QUEUES.scans) private readonly queue: JobQueue<typeof QUEUES.scans>) {}

  async enqueue(data: ScanJobData): Promise<void> {
    await this.queue.add(JOBS.scanUpload, data, {
      jobId: `scan-${data.attachmentId}`,
      attempts: SCAN_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
