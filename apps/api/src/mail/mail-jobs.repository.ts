import { Injectable } from '@nestjs/common';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';
import { MAIL_JOB_ATTEMPTS, type MailMessage } from './mail-message';

export type { NotifyJobData } from '../jobs/job-payloads';

@Injectable()
export class MailJobsRepository {
  constructor(@InjectJobQueue(QUEUES.mail) private readonly queue: JobQueue<typeof QUEUES.mail>) {}

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
