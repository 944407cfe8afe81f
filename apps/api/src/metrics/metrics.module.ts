import { DynamicModule, Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';
import { MetricsListener } from './metrics.listener';
import { QueueDepthsRepository } from './queue-depths.repository';

/** Infrastructure like logging: every module may count into `Metrics`; the HTTP process serves them. */
@Global()
@Module({})
export class MetricsModule {
  static register({ http }: { http: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: http ? [MetricsController] : [],
      providers: [Metrics, QueueDepthsRepository, MetricsListener],
      exports: [Metrics],
    };
  }
}
