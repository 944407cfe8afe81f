import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { bullOptions } from './bull-options';

/** BullMQ on Redis: jobs are persisted and survive restarts. */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRoot({
          ...bullOptions(config),
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
      ],
      exports: [BullModule],
    };
  }
}
