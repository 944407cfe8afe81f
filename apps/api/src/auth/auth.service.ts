import { Injectable } from '@nestjs/common';
import type { ApiTokenDto, CreatedApiTokenResponse, LoginResponse, MeResponse } from '@satchel/contracts';
import { AccountsRepository } from '../accounts/accounts.repository';
import { toAccountDto } from '../accounts/account.mapper';
import type { Principal } from '../common/auth/principal';
import { NotFoundError, UnauthorizedError } from '../common/errors/domain-errors';
import { LoginThrottle } from '../rate-limit/login-throttle.service';
import { PasswordHasher } from '../users/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';
import { checkTokenChange, enforce, policyActorOf } from '../users/user-change-policy';
import { UsersRepository } from '../users/users.repository';
import type { AuthTokenEntity } from './auth-token.entity';
import { AuthTokensRepository } from './auth-tokens.repository';
import { TokensService } from './tokens.service';
import { TotpService } from './totp.service';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly tokens: TokensService,
    private readonly tokenRows: AuthTokensRepository,
    private readonly passwordHasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Unknown emails are verified against a dummy hash and inactive users are verified too, so every
   * answer costs one argon2 verify (no user enumeration by timing). Failures count towards lockouts.
   */
  async login(email: string, password: string, ip: string | null, totpCode?: string): Promise<LoginResponse> {
    const attempt = { ip, email };
    await this.throttle.begin(attempt);
    const user = await this.users.findByEmailWithHash(email);
    const ok = await this.passwordHasher.verify(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      await this.throttle.failed(attempt, user?.accountId ?? null);
      throw new UnauthorizedError('Invalid email or password');
    }
    const totpEnrolmentRequired = await this.secondFactor(user, totpCode);
    await this.throttle.succeeded(attempt);
    if (this.passwordHasher.needsRehash(user.passwordHash)) {
      await this.users.update(user.id, { passwordHash: await this.passwordHasher.hash(password) });
    }
    const session = await this.tokens.issueSession(user);
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: toUserDto(user),
      ...(totpEnrolmentRequired && { totpEnrolmentRequired }),
    };
  }

  /**
   * After a right password: enrolled users need a valid code (401 TOTP_REQUIRED without one).
   * True when the account requires two-factor sign-in and this user has not enrolled yet.
   */
  private async secondFactor(user: UserEntity, code: string | undefined): Promise<boolean> {
    if (await this.totp.isEnabled(user.id)) {
      if (!code)
        throw new UnauthorizedError('Enter the code from your authenticator app', { code: 'TOTP_REQUIRED' });
      await this.totp.verify(user, code);
      return false;
    }
    return this.totp.requiredFor(user.accountId);
  }

  async me(principal: Principal): Promise<MeResponse> {
    const account = await this.accounts.findById(principal.accountId);
    const user = principal.kind === 'user' ? await this.users.findById(principal.userId) : null;
    return {
      role: principal.role,
      user: user ? toUserDto(user) : null,
      account: account ? toAccountDto(account) : null,
    };
  }

  logout(principal: Principal): Promise<void> {
    return this.tokens.revoke(principal.tokenId);
  }

  async createApiToken(ctx: ActorContext, name: string): Promise<CreatedApiTokenResponse> {
    const actor = ctx.principal;
    enforce(checkTokenChange(policyActorOf(actor), actor.accountId));
    const { secret, entity } = await this.tokens.issueApiToken(actor.accountId, name);
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.apiTokenCreate, outcome: 'success', details: { name, last4: entity.last4 } },
      true,
    );
    return { ...toApiTokenDto(entity), token: secret };
  }

  async listApiTokens(accountId: string): Promise<ApiTokenDto[]> {
    return (await this.tokenRows.listApiTokens(accountId)).map(toApiTokenDto);
  }

  async revokeApiToken(ctx: ActorContext, id: string): Promise<void> {
    const actor = ctx.principal;
    const token = await this.tokenRows.findInAccount(actor.accountId, id, 'api');
    if (!token) throw new NotFoundError('API token');
    enforce(checkTokenChange(policyActorOf(actor), token.accountId));
    await this.tokens.revoke(id);
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.apiTokenRevoke,
        outcome: 'success',
        details: { name: token.name, last4: token.last4 },
      },
      true,
    );
  }
}

function toApiTokenDto(token: AuthTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    last4: token.last4,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
