import { DynamicModule, Module } from '@nestjs/common';
import { EventsDeliveryListener } from './events-delivery.listener';
import { EventsDeliveryProcessor } from './events-delivery.processor';

/** Seed 000's event notifications, posted with the callback's signing secret to its event URL. */
@Module({})
export class EventWebhooksModule {
  /** The app's DeliveriesModule, IntegrationSecretsModule and CallbacksModule instances. */
  static register(
    modules: { deliveries: DynamicModule; secrets: DynamicModule; callbacks: DynamicModule },
    opts: { worker: boolean },
  ): DynamicModule {
    return {
      module: EventWebhooksModule,
      imports: [modules.deliveries, modules.secrets, modules.callbacks],
      providers: [EventsDeliveryListener, ...(opts.worker ? [EventsDeliveryProcessor] : [])],
    };
  }
}
