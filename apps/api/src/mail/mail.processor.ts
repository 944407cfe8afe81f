import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { MailMessage, NotifyJobData } from '../jobs/job-payloads';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';
import { NotificationsService } from './notifications.service';

/** Sends queued emails (retried by BullMQ when the SMTP server fails) and batched operator notifications. */
@JobProcessor()
export class MailProcessor implements QueueProcessor {
  private readonly log = new Logger('Mail');

  constructor(
    private readonly transport: MailTransport,
    private readonly outbox: MailOutboxRepository,
    private readonly notifications: NotificationsService,
  ) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.mail,
        handlers: {
          [JOBS.sendMail]: (job) => this.send(job),
          [JOBS.notifyOperator]: (job) => this.notify(job),
        },
        concurrency: 2,
      }),
    ];
  }

  async send(job: Job<MailMessage>): Promise<void> {
    const message = job.data;
    if (!this.transport.enabled) return this.outbox.insert(message);
    try {
      await this.transport.send(message);
    } catch (err) {
      this.log.warn(
        `Email ${message.kind} not sent (try ${job.attemptsMade + 1}): ${(err as Error).message}`,
      );
      throw err;
    }
  }

  async notify(job: Job<NotifyJobData>): Promise<void> {
    await this.notifications.flush(job.data.userId);
  }
}
