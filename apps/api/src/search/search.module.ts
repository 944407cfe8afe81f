import { DynamicModule, Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Message and inbox search (HTTP only). */
@Module({})
export class SearchModule {
  /** `chats`: the app's one ChatsModule instance. */
  static register(chats: DynamicModule): DynamicModule {
    return {
      module: SearchModule,
      imports: [chats],
      controllers: [SearchController],
      providers: [SearchService, SearchRepository],
    };
  }
}
