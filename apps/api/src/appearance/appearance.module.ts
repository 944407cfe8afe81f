import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AppearanceController } from './appearance.controller';
import { AppearanceRepository } from './appearance.repository';
import { AppearanceService } from './appearance.service';
import { VisitorIdentityService } from './visitor-identity.service';
import { WidgetConfigController } from './widget-config.controller';

@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [AppearanceController, WidgetConfigController],
  providers: [AppearanceService, AppearanceRepository, VisitorIdentityService],
  exports: [AppearanceService],
})
export class AppearanceModule {}
