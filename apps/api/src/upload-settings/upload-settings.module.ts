import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlatformUploadSettingsController } from './platform-upload-settings.controller';
import { PlatformUploadSettingsRepository } from './platform-upload-settings.repository';
import { PlatformUploadSettingsService } from './platform-upload-settings.service';
import { UploadGroupsController } from './upload-groups.controller';
import { UploadGroupsRepository } from './upload-groups.repository';
import { UploadGroupsService } from './upload-groups.service';
import { UploadSettingsController } from './upload-settings.controller';
import { UploadSettingsRepository } from './upload-settings.repository';
import { UploadSettingsService } from './upload-settings.service';
import { StorageQuotaController } from './storage-quota.controller';
import { StorageQuotaRepository } from './storage-quota.repository';
import { StorageQuotaService } from './storage-quota.service';

@Module({
  imports: [AuditModule],
  controllers: [
    UploadSettingsController,
    PlatformUploadSettingsController,
    UploadGroupsController,
    StorageQuotaController,
  ],
  providers: [
    UploadSettingsService,
    UploadSettingsRepository,
    PlatformUploadSettingsService,
    PlatformUploadSettingsRepository,
    UploadGroupsService,
    UploadGroupsRepository,
    StorageQuotaService,
    StorageQuotaRepository,
  ],
  exports: [UploadSettingsService, StorageQuotaService],
})
export class UploadSettingsModule {}
