import { DynamicModule, Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Message and inbox search (HTTP only). */
@Module({})
export class SearchModule {
  /**
   * `chats`: the app's one ChatsModule instance; `messageAttachments`: its MessageAttachmentsPortModule
   * instance (the presenter and `MESSAGE_ATTACHMENTS` for the hits' files).
   */
  static register(chats: DynamicModule, messageAttachments: DynamicModule): DynamicModule {
    return {
      module: SearchModule,
      imports: [chats, messageAttachments],
      controllers: [SearchController],
      providers: [SearchService, SearchRepository],
    };
  }
}
