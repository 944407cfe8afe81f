import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { FirstStartService } from './first-start.service';
import { OriginGate } from './origin-gate.service';

@Module({
  imports: [UsersModule, AuditModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, FirstStartService, OriginGate],
  exports: [AccountsRepository, AccountsService, OriginGate],
})
export class AccountsModule {}
