import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { ApiTokensController } from './api-tokens.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionsModule } from './sessions.module';
import { TotpController } from './totp.controller';
import { TotpRepository } from './totp.repository';
import { TotpService } from './totp.service';

/** Sign-in, API tokens, TOTP and the app-wide auth guard; others import SessionsModule for tokens. */
@Module({
  imports: [SessionsModule, AccountsModule, UsersModule, AuditModule],
  controllers: [AuthController, ApiTokensController, TotpController],
  providers: [AuthService, TotpService, TotpRepository, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
