import { DynamicModule, Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsGateway } from './receipts.gateway';
import { ReceiptsRepository } from './receipts.repository';
import { ReceiptsService } from './receipts.service';

/** "Seen" (read state per operator and per chat's visitor) and typing indicators. */
@Module({})
export class ReceiptsModule {
  /** `chats`: the app's one ChatsModule instance. */
  static register(chats: DynamicModule): DynamicModule {
    return {
      module: ReceiptsModule,
      imports: [chats, RealtimeModule],
      controllers: [ReceiptsController],
      providers: [ReceiptsService, ReceiptsRepository, ReceiptsGateway],
    };
  }
}
