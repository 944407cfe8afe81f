import { DynamicModule, Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/** The operator inbox (HTTP only). */
@Module({})
export class InboxModule {
  /** `chats`: the app's one ChatsModule instance. */
  static register(chats: DynamicModule): DynamicModule {
    return {
      module: InboxModule,
      imports: [chats],
      controllers: [InboxController],
      providers: [InboxService, InboxRepository],
    };
  }
}
