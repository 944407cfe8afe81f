import { Processor, WorkerHost } from '@nestjs/bullmq';
import { withJobLogs } from '../logging/job-logs';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JOBS, QUEUES } from '../jobs/queues';
import { ChatsService } from './chats.service';

/** Closes visitor chats that have been idle longer than CHAT_IDLE_TIMEOUT_MINUTES. */
@Processor(QUEUES.maintenance)
export class ChatExpiryProcessor extends WorkerHost {
  private readonly log = new Logger('ChatExpiry');

  constructor(
    private readonly chats: ChatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  process(job: Job): Promise<{ closed: number }> {
    return withJobLogs(job, async () => {
      if (job.name !== JOBS.expireIdleChats) return { closed: 0 };
      const closed = await this.chats.expireIdle(this.config.chats.idleTimeoutMinutes);
      if (closed) this.log.log(`Closed ${closed} idle chat(s)`);
      return { closed };
    });
  }
}
