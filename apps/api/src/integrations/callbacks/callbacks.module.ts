import { AuditModule } from '../../audit/audit.module';
import { DynamicModule, Module } from '@nestjs/common';
import { CallbackDeliveryProcessor } from './callback-delivery.processor';
import { CallbackDeliveryTarget } from './callback-delivery-target';
import { CallbackSecretCheck } from './callback-secret-check';
import { CallbackSender } from './callback-sender';
import { CallbackSettingsController } from './callback-settings.controller';
import { CallbackSettingsRepository } from './callback-settings.repository';
import { CallbackSettingsService } from './callback-settings.service';
import { WebhookClient } from './webhook-client';

/** Seed 002's file callback: its settings, signing secret, sender and delivery processor. */
@Module({})
export class CallbacksModule {
  /** `deliveries`, `secrets`: the app's DeliveriesModule and IntegrationSecretsModule instances. */
  static register(
    deliveries: DynamicModule,
    secrets: DynamicModule,
    opts: { http: boolean; worker: boolean },
  ): DynamicModule {
    return {
      module: CallbacksModule,
      imports: [AuditModule, deliveries, secrets],
      controllers: opts.http ? [CallbackSettingsController] : [],
      providers: [
        CallbackSettingsRepository,
        CallbackSettingsService,
        WebhookClient,
        CallbackSender,
        CallbackDeliveryTarget,
        CallbackSecretCheck,
        ...(opts.worker ? [CallbackDeliveryProcessor] : []),
      ],
      exports: [CallbackSettingsRepository, CallbackSender],
    };
  }
}
