import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { QuarantineController } from './quarantine.controller';
import { QuarantineRepository } from './quarantine.repository';
import { RescanScheduler } from './rescan.scheduler';
import { RescanService } from './rescan.service';
import { UploadScanProcessor } from './upload-scan.processor';
import { UploadScanService } from './upload-scan.service';

/** Malware scanning beyond the upload path: the quarantine listing, rescans, resumable uploads' scans. */
@Module({})
export class ScanningModule {
  /**
   * `chats`: the app's one ChatsModule instance (a scanned upload's message is sent through it);
   * `attachments`: its AttachmentsModule instance (recorder, presenter, stored objects).
   */
  static register(
    chats: DynamicModule,
    attachments: DynamicModule,
    opts: { worker: boolean },
  ): DynamicModule {
    return {
      module: ScanningModule,
      imports: [chats, attachments, BullModule.registerQueue({ name: QUEUES.scans })],
      controllers: [QuarantineController],
      providers: [
        QuarantineRepository,
        RescanService,
        RescanScheduler,
        ...(opts.worker ? [UploadScanService, UploadScanProcessor] : []),
      ],
      exports: [RescanService],
    };
  }
}
