import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentStoreModule } from '../attachments/attachment-store.module';
import { QUEUES } from '../jobs/queues';
import { TextsListener } from './texts.listener';
import { TextsProcessor } from './texts.processor';
import { TextsRepository } from './texts.repository';
import { TextsService } from './texts.service';

/** Issue 18: the text inside stored documents, extracted by the `texts.extract` job for search. */
@Module({})
export class TextsModule {
  static register(opts: { worker: boolean }): DynamicModule {
    return {
      module: TextsModule,
      imports: [AttachmentStoreModule, BullModule.registerQueue({ name: QUEUES.texts })],
      providers: [TextsRepository, TextsService, TextsListener, ...(opts.worker ? [TextsProcessor] : [])],
    };
  }
}
