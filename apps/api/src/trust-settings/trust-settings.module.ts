import { Module } from '@nestjs/common';
import { TrustSettingsController } from './trust-settings.controller';
import { TrustSettingsRepository } from './trust-settings.repository';
import { TrustSettingsService } from './trust-settings.service';

/** Encryption at rest, scanning and active-content choices per account; global so uploads read them. */
@Module({
  controllers: [TrustSettingsController],
  providers: [TrustSettingsService, TrustSettingsRepository],
  exports: [TrustSettingsService],
})
export class TrustSettingsModule {}
