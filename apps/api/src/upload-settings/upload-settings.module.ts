import { Module } from '@nestjs/common';
import { UploadSettingsController } from './upload-settings.controller';
import { UploadSettingsRepository } from './upload-settings.repository';
import { UploadSettingsService } from './upload-settings.service';

@Module({
  controllers: [UploadSettingsController],
  providers: [UploadSettingsService, UploadSettingsRepository],
  exports: [UploadSettingsService],
})
export class UploadSettingsModule {}
