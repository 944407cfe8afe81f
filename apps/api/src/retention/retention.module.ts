import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentStoreModule } from '../attachments/attachment-store.module';
import { AuditModule } from '../audit/audit.module';
import { QUEUES } from '../jobs/queues';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { ConsistencyService } from './consistency.service';
import { FileRemover } from './file-remover.service';
import { RetentionAdminController } from './retention-admin.controller';
import { RetentionAdminService } from './retention-admin.service';
import { RetentionJobsRepository } from './retention-jobs.repository';
import { RetentionSettingsController } from './retention-settings.controller';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionSweeper } from './retention-sweeper.service';
import { RetentionRepository } from './retention.repository';
import { RetentionProcessor } from './retention.processor';

/**
 * Retention and the file lifecycle: per-account policies, scheduled sweeps (expired, unused, temp),
 * tombstones, legal holds, the admin views and the storage consistency check.
 */
@Module({})
export class RetentionModule {
  static register(opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: RetentionModule,
      imports: [
        AttachmentStoreModule,
        UploadSettingsModule,
        AuditModule,
        BullModule.registerQueue({ name: QUEUES.retention }),
      ],
      controllers: opts.http ? [RetentionSettingsController, RetentionAdminController] : [],
      providers: [
        RetentionRepository,
        RetentionJobsRepository,
        RetentionSettingsService,
        RetentionSweeper,
        RetentionAdminService,
        ConsistencyService,
        FileRemover,
        ...(opts.worker ? [RetentionProcessor] : []),
      ],
      exports: [FileRemover, RetentionRepository, ConsistencyService],
    };
  }
}
