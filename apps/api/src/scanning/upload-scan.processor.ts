import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { ScanJobData } from '../attachments/scan-jobs.repository';
import { JOBS, QUEUES } from '../jobs/queues';
import { withJobLogs } from '../logging/job-logs';
import { UploadScanService } from './upload-scan.service';

/** `scans.upload`: two at a time per process (clamd does the work). */
@Processor(QUEUES.scans, { concurrency: 2 })
export class UploadScanProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(private readonly scans: UploadScanService) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  process(job: Job<ScanJobData>): Promise<void> {
    return withJobLogs(job, async () => {
      if (job.name === JOBS.scanUpload) await this.scans.scan(job.data);
    });
  }
}
