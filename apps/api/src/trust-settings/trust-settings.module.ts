import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TrustSettingsController } from './trust-settings.controller';
import { TrustSettingsRepository } from './trust-settings.repository';
import { TrustSettingsService } from './trust-settings.service';

/** Encryption at rest, scanning and active-content choices per account (uploads import it). */
@Module({
  imports: [AuditModule],
  controllers: [TrustSettingsController],
  providers: [TrustSettingsService, TrustSettingsRepository],
  exports: [TrustSettingsService],
})
export class TrustSettingsModule {}
