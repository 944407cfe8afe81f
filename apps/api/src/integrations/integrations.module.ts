import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { ATTACHMENT_STATUS } from '../attachments/attachment-status.port';
import { AuditModule } from '../audit/audit.module';
import { QUEUES } from '../jobs/queues';
import { AttachmentDeliveriesListener } from './deliveries/attachment-deliveries.listener';
import { ATTACHMENT_SOURCE } from './deliveries/attachment-source';
import { AttachmentSourceRepository } from './deliveries/attachment-source.repository';
import { AttachmentStatusService } from './deliveries/attachment-status.service';
import { CallbackDeliveryProcessor } from './callbacks/callback-delivery.processor';
import { CallbackSender } from './callbacks/callback-sender';
import { CallbackSettingsController } from './callbacks/callback-settings.controller';
import { CallbackSettingsRepository } from './callbacks/callback-settings.repository';
import { CallbackSettingsService } from './callbacks/callback-settings.service';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryAttempts } from './deliveries/delivery-attempts';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
import { DeliveryJobsRepository } from './deliveries/delivery-jobs.repository';
import { DeliveryStart } from './deliveries/delivery-start';
import { EventsDeliveryListener } from './event-webhooks/events-delivery.listener';
import { EventsDeliveryProcessor } from './event-webhooks/events-delivery.processor';
import { ExportBucketRepository } from './s3-export/export-bucket.repository';
import { IntegrationSecrets } from './secrets/integration-secrets';
import { IntegrationWorkers } from './integration-workers';
import { ReconciliationService } from './deliveries/reconciliation.service';
import { S3ExportSettingsController } from './s3-export/s3-export-settings.controller';
import { S3ExportSettingsRepository } from './s3-export/s3-export-settings.repository';
import { S3ExportSettingsService } from './s3-export/s3-export-settings.service';
import { S3ExportProcessor } from './s3-export/s3-export.processor';
import { SecretsCheckService } from './secrets/secrets-check.service';
import { SecretsStatusController } from './secrets/secrets-status.controller';
import { WebhookClient } from './callbacks/webhook-client';

/** File callbacks, S3 export, event notifications and the delivery log (seed 002). */
@Module({})
export class IntegrationsModule implements OnModuleInit {
  constructor(private readonly jobs: DeliveryJobsRepository) {}

  /** `worker`: also run the delivery, export and reconciliation workers in this process. */
  static register(opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: IntegrationsModule,
      global: true,
      imports: [
        AuditModule,
        ...[QUEUES.callbacks, QUEUES.exports, QUEUES.events, QUEUES.integrations].map((name) =>
          BullModule.registerQueue({ name }),
        ),
      ],
      controllers: opts.http
        ? [
            CallbackSettingsController,
            S3ExportSettingsController,
            DeliveriesController,
            SecretsStatusController,
          ]
        : [],
      providers: [
        IntegrationSecrets,
        SecretsCheckService,
        CallbackSettingsRepository,
        S3ExportSettingsRepository,
        DeliveriesRepository,
        DeliveryJobsRepository,
        ExportBucketRepository,
        { provide: ATTACHMENT_SOURCE, useClass: AttachmentSourceRepository },
        { provide: ATTACHMENT_STATUS, useClass: AttachmentStatusService },
        WebhookClient,
        CallbackSender,
        CallbackSettingsService,
        S3ExportSettingsService,
        DeliveriesService,
        DeliveryDispatcher,
        DeliveryAttempts,
        DeliveryStart,
        ReconciliationService,
        AttachmentDeliveriesListener,
        EventsDeliveryListener,
        ...(opts.worker
          ? [CallbackDeliveryProcessor, S3ExportProcessor, EventsDeliveryProcessor, IntegrationWorkers]
          : []),
      ],
      exports: [ATTACHMENT_STATUS],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.scheduleReconciliation();
  }
}
