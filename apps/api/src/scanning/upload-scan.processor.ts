import type { Job } from 'bullmq';
import type { ScanJobData } from '../jobs/job-payloads';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { UploadScanService } from './upload-scan.service';

/** `scans.upload`: two at a time per process (clamd does the work). */
@JobProcessor()
export class UploadScanProcessor implements QueueProcessor {
  constructor(private readonly scans: UploadScanService) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.scans,
        handlers: { [JOBS.scanUpload]: (job) => this.scan(job) },
        concurrency: 2,
      }),
    ];
  }

  async scan(job: Job<ScanJobData>): Promise<void> {
    await this.scans.scan(job.data);
  }
}
