import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { MAIL_JOB_ATTEMPTS, type MailMessage } from './mail-message';

export interface NotifyJobData {
  userId: string;
}

@Injectable()
export class MailJobsRepository {
  constructor(@InjectQueue(QUEUES.mail) private readonly queue: Queue<MailMessage | NotifyJobData>) {}

  /** Sent jobs are removed at once: their bodies hold single-use links. */
  async enqueue(message: MailMessage): Promise<void> {
    await this.queue.add(JOBS.sendMail, message, {
      attempts: MAIL_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: 100,
    });
  }

  /**
   * One delayed check per user at a time (the job id): events arriving meanwhile are batched into
   * the same email. The id is freed when the job ends, so a later event schedules a new check.
   */
  async scheduleNotification(userId: string, delayMs: number): Promise<void> {
    await this.queue.add(
      JOBS.notifyOperator,
      { userId },
      { jobId: `notify-${userId}`, delay: delayMs, removeOnComplete: true, removeOnFail: true },
    );
  }
}
