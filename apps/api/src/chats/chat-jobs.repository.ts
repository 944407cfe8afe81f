import { Injectable } from '@nestjs/common';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';

const EVERY_MS = 5 * 60_000;

@Injectable()
export class ChatJobsRepository {
  constructor(
    @InjectJobQueue(QUEUES.maintenance) private readonly queue: JobQueue<typeof QUEUES.maintenance>,
  ) {}

  /** Idempotent: every process may call it; BullMQ keeps one schedule. */
  async scheduleIdleChatExpiry(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.expireIdleChats,
      { every: EVERY_MS },
      { name: JOBS.expireIdleChats },
    );
  }
}
