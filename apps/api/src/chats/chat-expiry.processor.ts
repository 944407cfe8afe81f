import { Inject, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { workerSpec, type WorkerSpec } from '../jobs/job-registry';
import { JobProcessor, type QueueProcessor } from '../jobs/job-workers';
import { JOBS, QUEUES } from '../jobs/queues';
import { ChatsService } from './chats.service';

/** Closes visitor chats that have been idle longer than CHAT_IDLE_TIMEOUT_MINUTES. */
@JobProcessor()
export class ChatExpiryProcessor implements QueueProcessor {
  private readonly log = new Logger('ChatExpiry');

  constructor(
    private readonly chats: ChatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  workerSpecs(): WorkerSpec[] {
    return [
      workerSpec({
        queue: QUEUES.maintenance,
        handlers: { [JOBS.expireIdleChats]: () => this.expireIdleChats() },
        concurrency: 1,
      }),
    ];
  }

  async expireIdleChats(): Promise<{ closed: number }> {
    const closed = await this.chats.expireIdle(this.config.chats.idleTimeoutMinutes);
    if (closed) this.log.log(`Closed ${closed} idle chat(s)`);
    return { closed };
  }
}
