import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import type { NotifyJobData } from './mail-jobs.repository';
import type { MailMessage } from './mail-message';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';
import { NotificationsService } from './notifications.service';

/** Sends queued emails (retried by BullMQ when the SMTP server fails) and batched operator notifications. */
@Processor(QUEUES.mail, { concurrency: 2 })
export class MailProcessor extends WorkerHost {
  private readonly log = new Logger('Mail');

  constructor(
    private readonly transport: MailTransport,
    private readonly outbox: MailOutboxRepository,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  async process(job: Job<MailMessage | NotifyJobData>): Promise<void> {
    if (job.name === JOBS.notifyOperator) {
      await this.notifications.flush((job.data as NotifyJobData).userId);
      return;
    }
    if (job.name !== JOBS.sendMail) return;
    const message = job.data as MailMessage;
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
}
