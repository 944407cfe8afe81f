import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { TokensService } from '../auth/tokens.service';
import { newSecret, sha256Hex } from '../common/crypto/hashing';
import { GoneError, RateLimitedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MailService } from '../mail/mail.service';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { PasswordResetsRepository } from './password-resets.repository';

/**
 * "Forgot password": the answer is the same whether the address exists or not (the email goes out
 * in the background), links are single-use and short-lived, and a reset ends every session.
 */
@Injectable()
export class PasswordResetService {
  private readonly log = new Logger('PasswordReset');

  constructor(
    private readonly resets: PasswordResetsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokensService,
    private readonly mail: MailService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  request(email: string): void {
    this.sendLink(email).catch((err: Error) => {
      if (!(err instanceof RateLimitedError)) this.log.error(`Reset email failed: ${err.message}`);
    });
  }

  private async sendLink(email: string): Promise<void> {
    await this.limits.consume([['password_reset_email', email.trim().toLowerCase()]], null);
    const user = await this.users.findByEmailWithHash(email);
    if (!user?.active) return;
    const token = newSecret('pr');
    const minutes = this.config.mail.passwordResetTtlMinutes;
    await this.resets.create(user.id, sha256Hex(token), new Date(Date.now() + minutes * 60_000));
    await this.mail.send('password-reset', user.accountId, user.email, {
      vars: { minutes },
      link: this.mail.consoleLink('reset-password', { token }),
    });
  }

  async confirm(token: string, password: string, ip: string | null): Promise<void> {
    const userId = await this.resets.claim(sha256Hex(token));
    const user = userId ? await this.users.findById(userId) : null;
    if (!user?.active)
      throw new GoneError('This reset link is invalid, used or expired', { code: 'RESET_LINK_INVALID' });
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    await this.tokens.revokeUserSessions(user.id);
    await this.audit.record(
      { principal: null, accountId: user.accountId, ip },
      {
        action: AUDIT_ACTIONS.passwordReset,
        outcome: 'success',
        details: { userId: user.id, email: user.email },
      },
      true,
    );
  }
}
