import { Inject, Injectable } from '@nestjs/common';
import type { TotpConfirmResponse, TotpEnrolment, TotpStatus } from '@satchel/contracts';
import { Secret, TOTP } from 'otpauth';
import { toDataURL } from 'qrcode';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../common/crypto/hashing';
import { ConflictError, UnauthorizedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { SecretBox } from '../integrations/secrets/secret-box';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { TotpRepository } from './totp.repository';

const PERIOD = 30;
const RECOVERY_CODES = 10;

const normalCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/**
 * Two-factor sign-in with RFC 6238 codes (otpauth; SHA-1, 6 digits, 30 s, ±1 step). Secrets are
 * sealed with SECRETS_KEY; a code's time step is used once; recovery codes are stored as SHA-256
 * (they are random, 50 bits each) and each works once. Every try is rate limited per user.
 */
@Injectable()
export class TotpService {
  private readonly box: SecretBox;

  constructor(
    private readonly rows: TotpRepository,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.secretsKey as Buffer, 'totp');
  }

  async status(user: { id: string; accountId: string }): Promise<TotpStatus> {
    const row = await this.rows.get(user.id);
    return {
      enabled: row?.enabled ?? false,
      required: await this.rows.accountRequiresTotp(user.accountId),
      recoveryCodesLeft: row?.enabled ? row.recoveryHashes.length : 0,
    };
  }

  isEnabled(userId: string): Promise<boolean> {
    return this.rows.get(userId).then((r) => r?.enabled ?? false);
  }

  requiredFor(accountId: string): Promise<boolean> {
    return this.rows.accountRequiresTotp(accountId);
  }

  async enrol(user: { id: string; email: string }): Promise<TotpEnrolment> {
    if ((await this.rows.get(user.id))?.enabled)
      throw new ConflictError('Two-factor sign-in is already on', { code: 'TOTP_ENABLED' });
    const secret = new Secret({ size: 20 });
    await this.rows.savePending(user.id, this.box.seal(secret.base32));
    const uri = this.totp(secret.base32, user.email).toString();
    return { uri, qrDataUrl: await toDataURL(uri), secret: secret.base32 };
  }

  async confirm(user: { id: string; email: string }, code: string): Promise<TotpConfirmResponse> {
    await this.limits.consume([['totp_user', user.id]], null);
    const row = await this.rows.get(user.id);
    if (!row || row.enabled)
      throw new ConflictError('Start the enrolment first', { code: 'TOTP_NOT_PENDING' });
    const step = this.matchStep(row.secretSealed, user.email, code);
    if (step === null) throw new UnauthorizedError('That code is not valid', { code: 'TOTP_INVALID' });
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const hex = randomBytes(5).toString('hex');
      return `${hex.slice(0, 5)}-${hex.slice(5)}`;
    });
    await this.rows.enable(
      user.id,
      codes.map((c) => sha256Hex(normalCode(c))),
      step,
    );
    return { recoveryCodes: codes };
  }

  /** Checks a sign-in code (TOTP or recovery code); throws 401 TOTP_INVALID, or 429 when tried too often. */
  async verify(user: { id: string; email: string }, code: string): Promise<void> {
    await this.limits.consume([['totp_user', user.id]], null);
    const row = await this.rows.get(user.id);
    if (!row?.enabled) return;
    const step = this.matchStep(row.secretSealed, user.email, code);
    const ok =
      step !== null
        ? await this.rows.useStep(user.id, step)
        : await this.rows.useRecoveryCode(user.id, sha256Hex(normalCode(code)));
    if (!ok) throw new UnauthorizedError('That two-factor code is not valid', { code: 'TOTP_INVALID' });
  }

  /** Turning it off takes a valid code, unless the account requires it. */
  async disable(user: { id: string; email: string; accountId: string }, code: string): Promise<void> {
    if (await this.rows.accountRequiresTotp(user.accountId))
      throw new ConflictError('Your team requires two-factor sign-in', { code: 'TOTP_REQUIRED_BY_ACCOUNT' });
    await this.verify(user, code);
    await this.rows.remove(user.id);
  }

  private matchStep(sealed: string, email: string, code: string): number | null {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const now = Date.now();
    const delta = this.totp(this.box.open(sealed), email).validate({ token, timestamp: now, window: 1 });
    return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
  }

  private totp(base32: string, email: string): TOTP {
    return new TOTP({
      issuer: 'Satchel',
      label: email,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: base32,
    });
  }
}
