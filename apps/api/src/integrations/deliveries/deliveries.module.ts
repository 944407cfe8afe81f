import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { ATTACHMENT_STATUS } from '../../attachments/attachment-status.port';
import { QUEUES } from '../../jobs/queues';
import { AttachmentDeliveriesListener } from './attachment-deliveries.listener';
import { ATTACHMENT_SOURCE } from './attachment-source';
import { AttachmentSourceRepository } from './attachment-source.repository';
import { AttachmentStatusService } from './attachment-status.service';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryJobsRepository } from './delivery-jobs.repository';
import { DeliveryProcessors } from './delivery-processors';
import { DeliveryStart } from './delivery-start';
import { DeliveryTargets } from './delivery-targets';
import { DeliveryWorkers } from './delivery-workers';
import { ReconciliationService } from './reconciliation.service';

/**
 * The delivery core every integration shares: delivery rows and their attempt log, the dispatcher,
 * the retry schedule, reconciliation and the workers. Callbacks, S3 export and event webhooks
 * import it and register their `DeliveryTarget`s and `DeliveryProcessor`s; it imports none of them.
 */
@Module({})
export class DeliveriesModule implements OnModuleInit {
  constructor(private readonly jobs: DeliveryJobsRepository) {}

  /** `worker`: also run the delivery and reconciliation workers in this process. */
  static register(opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: DeliveriesModule,
      imports: [QUEUES.callbacks, QUEUES.exports, QUEUES.events, QUEUES.integrations].map((name) =>
        BullModule.registerQueue({ name }),
      ),
      controllers: opts.http ? [DeliveriesController] : [],
      providers: [
        DeliveriesRepository,
        DeliveryJobsRepository,
        DeliveryTargets,
        DeliveryProcessors,
        { provide: ATTACHMENT_SOURCE, useClass: AttachmentSourceRepository },
        { provide: ATTACHMENT_STATUS, useClass: AttachmentStatusService },
        DeliveriesService,
        DeliveryDispatcher,
        DeliveryAttempts,
        DeliveryStart,
        ReconciliationService,
        AttachmentDeliveriesListener,
        ...(opts.worker ? [DeliveryWorkers] : []),
      ],
      exports: [
        ATTACHMENT_STATUS,
        DeliveriesRepository,
        DeliveryTargets,
        DeliveryProcessors,
        DeliveryDispatcher,
        DeliveryAttempts,
        DeliveryStart,
        ReconciliationService,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.scheduleReconciliation();
  }
}
