import { Module } from '@nestjs/common';
import { AttachmentStoreModule } from '../attachments/attachment-store.module';
import { AuditModule } from '../audit/audit.module';
import { VisitorDataController } from './visitor-data.controller';
import { VisitorDataRepository } from './visitor-data.repository';
import { VisitorDataService } from './visitor-data.service';

/** Export and erasure of one visitor's data (issue 19, GDPR). */
@Module({
  imports: [AttachmentStoreModule, AuditModule],
  controllers: [VisitorDataController],
  providers: [VisitorDataService, VisitorDataRepository],
})
export class VisitorDataModule {}
