import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { ChatbotController } from './chatbot.controller';
import { WidgetGreetingController } from './widget-greeting.controller';
import { ChatbotListener } from './chatbot.listener';
import { ChatbotRepository } from './chatbot.repository';
import { ChatbotRunner } from './chatbot-runner.service';
import { ChatbotService } from './chatbot.service';
import { FileRequestsController } from './file-requests.controller';
import { FileRequestsPortModule } from './file-requests-port.module';
import { FileRequestsService } from './file-requests.service';

/** The per-account chatbot and file requests. The bot reacts to events, so it runs where they are emitted (API processes). */
@Module({})
export class ChatbotModule {
  /** `chats`: the app's one ChatsModule instance (registering it again would duplicate its gateway). */
  static register(chats: DynamicModule, opts: { http: boolean }): DynamicModule {
    return {
      module: ChatbotModule,
      imports: [chats, FileRequestsPortModule, AccountsModule, AuditModule],
      controllers: opts.http ? [ChatbotController, FileRequestsController, WidgetGreetingController] : [],
      providers: [
        ChatbotService,
        ChatbotRepository,
        FileRequestsService,
        ChatbotRunner,
        ...(opts.http ? [ChatbotListener] : []),
      ],
    };
  }
}
