import { Module } from '@nestjs/common';
import { QuarantineController } from './quarantine.controller';
import { QuarantineRepository } from './quarantine.repository';
import { RescanScheduler } from './rescan.scheduler';
import { RescanService } from './rescan.service';

/** Malware scanning beyond the upload path: the quarantine listing and rescans. */
@Module({
  controllers: [QuarantineController],
  providers: [QuarantineRepository, RescanService, RescanScheduler],
  exports: [RescanService],
})
export class ScanningModule {}
