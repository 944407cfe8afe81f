import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { AutoAssignListener } from './auto-assign.listener';
import { InboxSettingsController } from './inbox-settings.controller';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxSettingsService } from './inbox-settings.service';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/** The operator inbox (HTTP only): views, counts, presence, the visitor panel and the inbox settings. */
@Module({})
export class InboxModule {
  /** `chats`: the app's one ChatsModule instance. */
  static register(chats: DynamicModule): DynamicModule {
    return {
      module: InboxModule,
      imports: [chats, RealtimeModule, AuditModule],
      controllers: [InboxController, InboxSettingsController],
      providers: [
        InboxService,
        InboxRepository,
        InboxSettingsService,
        InboxSettingsRepository,
        AutoAssignListener,
      ],
    };
  }
}
