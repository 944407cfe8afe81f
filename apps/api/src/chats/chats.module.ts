import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CHAT_MESSAGES } from '../attachments/chat-messages.port';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../auth/sessions.module';
import { FileRequestsPortModule } from '../chatbot/file-requests-port.module';
import { QUEUES } from '../jobs/queues';
import { RealtimeModule } from '../realtime/realtime.module';
import { ChatExpiryProcessor } from './chat-expiry.processor';
import { ChatJobsRepository } from './chat-jobs.repository';
import { ChatsController } from './chats.controller';
import { ChatsGateway } from './chats.gateway';
import { ChatsRepository } from './chats.repository';
import { ChatsService } from './chats.service';
import { MessagesRepository } from './messages.repository';
import { WidgetController } from './widget.controller';

@Module({})
export class ChatsModule implements OnModuleInit {
  constructor(private readonly jobs: ChatJobsRepository) {}

  /**
   * `messageAttachments`: the app's one MessageAttachmentsPortModule instance (`MESSAGE_ATTACHMENTS`);
   * `worker`: also run this module's job processors in this process.
   */
  static register(
    messageAttachments: DynamicModule,
    opts: { http: boolean; worker: boolean },
  ): DynamicModule {
    return {
      module: ChatsModule,
      imports: [
        AccountsModule,
        SessionsModule,
        AuditModule,
        RealtimeModule,
        FileRequestsPortModule,
        messageAttachments,
        BullModule.registerQueue({ name: QUEUES.maintenance }),
      ],
      controllers: opts.http ? [ChatsController, WidgetController] : [],
      providers: [
        ChatsService,
        ChatsRepository,
        MessagesRepository,
        ChatJobsRepository,
        { provide: CHAT_MESSAGES, useExisting: ChatsService },
        ...(opts.http ? [ChatsGateway] : []),
        ...(opts.worker ? [ChatExpiryProcessor] : []),
      ],
      exports: [ChatsService, ChatsRepository, CHAT_MESSAGES],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.scheduleIdleChatExpiry();
  }
}
