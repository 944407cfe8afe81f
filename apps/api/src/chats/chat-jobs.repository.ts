import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';

const EVERY_MS = 5 * 60_000;

@Injectable()
export class ChatJobsRepository {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  /** Idempotent: every process may call it; BullMQ keeps one schedule. */
  async scheduleIdleChatExpiry(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.expireIdleChats,
      { every: EVERY_MS },
      { name: JOBS.expireIdleChats },
    );
  }
}
