import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { ScanFailMode } from '@satchel/contracts';
import type { Queue } from 'bullmq';
import type { Principal } from '../common/auth/principal';
import { JOBS, QUEUES } from '../jobs/queues';

/**
 * A clamd outage with `closed` keeps the file `scanning`; the job retries with doubling delays from
 * 5 s, for about a week in all.
 */
export const SCAN_JOB_ATTEMPTS = 17;

/** What the `scans.upload` job needs: the file, and the message to send once it is clean. */
export interface ScanJobData {
  attachmentId: string;
  scanFailMode: ScanFailMode;
  /** The uploader, for the message sent on its behalf. */
  principal: Principal;
  message?: { text?: string; fileRequestId?: string };
}

/** The `scans.upload` jobs: resumable uploads stored `scanning`, waiting for clamd's verdict. */
@Injectable()
export class ScanJobsRepository {
  constructor(@InjectQueue(QUEUES.scans) private readonly queue: Queue<ScanJobData>) {}

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
