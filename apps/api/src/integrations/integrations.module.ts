import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { ATTACHMENT_STATUS } from '../attachments/attachment-status.port';
import { QUEUES } from '../jobs/queues';
import { AttachmentDeliveriesListener } from './attachment-deliveries.listener';
import { ATTACHMENT_SOURCE } from './attachment-source';
import { AttachmentSourceRepository } from './attachment-source.repository';
import { AttachmentStatusService } from './attachment-status.service';
import { CallbackDeliveryProcessor } from './callback-delivery.processor';
import { CallbackSender } from './callback-sender';
import { CallbackSettingsController } from './callback-settings.controller';
import { CallbackSettingsRepository } from './callback-settings.repository';
import { CallbackSettingsService } from './callback-settings.service';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryJobsRepository } from './delivery-jobs.repository';
import { EventsDeliveryListener } from './events-delivery.listener';
import { EventsDeliveryProcessor } from './events-delivery.processor';
import { ExportBucketRepository } from './export-bucket.repository';
import { IntegrationSecrets } from './integration-secrets';
import { IntegrationWorkers } from './integration-workers';
import { ReconciliationService } from './reconciliation.service';
import { S3ExportSettingsController } from './s3-export-settings.controller';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';
import { S3ExportSettingsService } from './s3-export-settings.service';
import { S3ExportProcessor } from './s3-export.processor';
import { SecretsCheckService } from './secrets-check.service';
import { SecretsStatusController } from './secrets-status.controller';
import { WebhookClient } from './webhook-client';

/** File callbacks, S3 export, event notifications and the delivery log (seed 002). */
@Module({})
export class IntegrationsModule implements OnModuleInit {
  constructor(private readonly jobs: DeliveryJobsRepository) {}

  /** `worker`: also run the delivery, export and reconciliation workers in this process. */
  static register(opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: IntegrationsModule,
      global: true,
      imports: [QUEUES.callbacks, QUEUES.exports, QUEUES.events, QUEUES.integrations].map((name) =>
        BullModule.registerQueue({ name }),
      ),
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
