import { DynamicModule, Module } from '@nestjs/common';
import { CallbacksModule } from './callbacks/callbacks.module';
import { EventWebhooksModule } from './event-webhooks/event-webhooks.module';
import { S3ExportModule } from './s3-export/s3-export.module';
import { IntegrationSecretsModule } from './secrets/integration-secrets.module';

/**
 * File callbacks, S3 export and event notifications (seed 002, seed 000) over the delivery core:
 * only imports the modules of each purpose, provides nothing itself and is not global.
 */
@Module({})
export class IntegrationsModule {
  /** `deliveries`: the app's DeliveriesModule instance (attachments read delivery status from it too). */
  static register(deliveries: DynamicModule, opts: { http: boolean; worker: boolean }): DynamicModule {
    const secrets = IntegrationSecretsModule.register(opts);
    const callbacks = CallbacksModule.register(deliveries, secrets, opts);
    return {
      module: IntegrationsModule,
      imports: [
        deliveries,
        secrets,
        callbacks,
        S3ExportModule.register(deliveries, secrets, opts),
        EventWebhooksModule.register({ deliveries, secrets, callbacks }, opts),
      ],
    };
  }
}
