import { Module } from '@nestjs/common';
import { UploadSettingsController } from './upload-settings.controller';
import { UploadSettingsRepository } from './upload-settings.repository';
import { UploadSettingsService } from './upload-settings.service';
import { StorageQuotaController } from './storage-quota.controller';
import { StorageQuotaRepository } from './storage-quota.repository';
import { StorageQuotaService } from './storage-quota.service';

@Module({
  controllers: [UploadSettingsController, StorageQuotaController],
  providers: [UploadSettingsService, UploadSettingsRepository, StorageQuotaService, StorageQuotaRepository],
  exports: [UploadSettingsService, StorageQuotaService],
})
export class UploadSettingsModule {}
