import { Module } from '@nestjs/common';
import { USER_SESSIONS } from '../users/user-sessions.port';
import { AuthTokensRepository } from './auth-tokens.repository';
import { TokensService } from './tokens.service';

/**
 * The core of auth that others build on: tokens (issue, authenticate, revoke) and `USER_SESSIONS`
 * for users. Kept apart from AuthModule, which depends on users and accounts.
 */
@Module({
  providers: [TokensService, AuthTokensRepository, { provide: USER_SESSIONS, useExisting: TokensService }],
  exports: [TokensService, AuthTokensRepository, USER_SESSIONS],
})
export class SessionsModule {}
