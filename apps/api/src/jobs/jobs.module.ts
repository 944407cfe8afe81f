import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { bullOptions } from './bull-options';
import { JobWorkers } from './job-workers';

/**
 * BullMQ on Redis: jobs are persisted and survive restarts. `worker`: this process runs jobs, so it
 * starts the workers of every queue in the job map.
 */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, { worker }: { worker: boolean }): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRoot({
          ...bullOptions(config),
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
        ...(worker ? [DiscoveryModule] : []),
      ],
      providers: worker ? [JobWorkers] : [],
      exports: [BullModule, ...(worker ? [JobWorkers] : [])],
    };
  }
}
