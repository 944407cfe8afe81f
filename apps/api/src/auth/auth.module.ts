import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsRepository } from '../accounts/accounts.repository';
import { OriginGate } from '../accounts/origin-gate.service';
import { USER_SESSIONS } from '../users/user-sessions.port';
import { UsersRepository } from '../users/users.repository';
import { ApiTokensController } from './api-tokens.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthTokensRepository } from './auth-tokens.repository';
import { TokensService } from './tokens.service';
import { TotpController } from './totp.controller';
import { TotpRepository } from './totp.repository';
import { TotpService } from './totp.service';

@Global()
@Module({
  controllers: [AuthController, ApiTokensController, TotpController],
  providers: [
    AuthService,
    TokensService,
    TotpService,
    TotpRepository,
    AuthTokensRepository,
    AccountsRepository,
    OriginGate,
    UsersRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: USER_SESSIONS, useExisting: TokensService },
  ],
  exports: [TokensService, OriginGate, TotpService, USER_SESSIONS],
})
export class AuthModule {}
