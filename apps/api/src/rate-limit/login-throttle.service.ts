import { Injectable } from '@nestjs/common';
import type { LockoutDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { NotFoundError, RateLimitedError } from '../common/errors/domain-errors';
import type { RateLimitPolicy } from './rate-limit.policies';
import { RateLimitRepository, type LockoutRecord } from './rate-limit.repository';
import { RateLimitService, retryAfterSeconds } from './rate-limit.service';

interface Attempt {
  ip: string | null;
  email: string;
}

/**
 * Failed logins are counted per client IP and per email. Once either reaches its limit, logins are
 * refused with 429 (without checking the password) for the rest of the window: a lockout that
 * admins can list and clear. A successful login resets its email's counter.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly limits: RateLimitService,
  ) {}

  async assertAllowed(attempt: Attempt): Promise<void> {
    for (const [policy, key] of keysOf(attempt)) {
      const usage = await this.counters.peek(policy, await this.limits.limitFor(policy, null), key);
      if (usage && !usage.allowed) {
        throw new RateLimitedError(retryAfterSeconds(usage), 'Too many failed logins, try again later');
      }
    }
  }

  async failed(attempt: Attempt, accountId: string | null): Promise<void> {
    for (const [policy, key] of keysOf(attempt)) {
      const limit = await this.limits.limitFor(policy, null);
      const usage = await this.counters.consume(policy, limit, key);
      if (usage.consumed < limit.points) continue;
      const kind = policy === 'login_ip' ? 'ip' : 'email';
      await this.counters.saveLockout({
        key: `${kind}:${key}`,
        kind,
        subject: key,
        accountId: kind === 'email' ? accountId : null,
        failures: usage.consumed,
        until: Date.now() + usage.msBeforeNext,
      });
    }
  }

  async succeeded(attempt: Attempt): Promise<void> {
    const email = normalEmail(attempt.email);
    await this.counters.reset('login_email', await this.limits.limitFor('login_email', null), email);
    await this.counters.deleteLockout(`email:${email}`);
  }

  /** Lockouts in force: an admin sees those of their account's users, the owner every one. */
  async list(p: Principal): Promise<LockoutDto[]> {
    const now = Date.now();
    return (await this.visible(p)).map((l) => toLockoutDto(l, now));
  }

  async clear(p: Principal, key: string): Promise<void> {
    const lockout = (await this.visible(p)).find((l) => l.key === key);
    if (!lockout) throw new NotFoundError('Lockout');
    const policy: RateLimitPolicy = lockout.kind === 'ip' ? 'login_ip' : 'login_email';
    await this.counters.reset(policy, await this.limits.limitFor(policy, null), lockout.subject);
    await this.counters.deleteLockout(key);
  }

  private async visible(p: Principal): Promise<LockoutRecord[]> {
    const all = await this.counters.lockouts();
    return p.role === 'owner' ? all : all.filter((l) => l.accountId === p.accountId);
  }
}

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

function keysOf(a: Attempt): [RateLimitPolicy, string][] {
  return [
    ['login_ip', a.ip ?? 'unknown'],
    ['login_email', normalEmail(a.email)],
  ];
}

function toLockoutDto(l: LockoutRecord, now: number): LockoutDto {
  return {
    key: l.key,
    kind: l.kind,
    subject: l.subject,
    accountId: l.accountId,
    failures: l.failures,
    lockedUntil: new Date(l.until).toISOString(),
    retryAfter: retryAfterSeconds({ msBeforeNext: l.until - now }),
  };
}
