import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { FirstStartService } from './first-start.service';

@Module({
  imports: [UsersModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, FirstStartService],
  exports: [AccountsRepository, AccountsService],
})
export class AccountsModule {}
