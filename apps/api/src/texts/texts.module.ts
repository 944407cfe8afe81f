import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentStoreModule } from '../attachments/attachment-store.module';
import { QUEUES } from '../jobs/queues';
import { ReindexListener } from './reindex.listener';
import { ReindexRepository } from './reindex.repository';
import { ReindexService } from './reindex.service';
import { TextsListener } from './texts.listener';
import { TextsProcessor } from './texts.processor';
import { TextsRepository } from './texts.repository';
import { TextsService } from './texts.service';

/**
 * Issue 18: the text inside stored documents, extracted by the `texts.extract` job for search, and
 * the `texts.reindex` passes that follow an account's search language.
 */
@Module({})
export class TextsModule {
  static register(opts: { worker: boolean }): DynamicModule {
    return {
      module: TextsModule,
      imports: [AttachmentStoreModule, BullModule.registerQueue({ name: QUEUES.texts })],
      providers: [
        TextsRepository,
        TextsService,
        TextsListener,
        ReindexListener,
        ...(opts.worker ? [ReindexRepository, ReindexService, TextsProcessor] : []),
      ],
    };
  }
}
