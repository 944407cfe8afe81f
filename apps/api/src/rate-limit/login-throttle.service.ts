import { Injectable } from '@nestjs/common';
import type { LockoutDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { NotFoundError, RateLimitedError } from '../common/errors/domain-errors';
import type { RateLimitPolicy } from './rate-limit.policies';
import { RateLimitRepository, type LockoutRecord, type Usage } from './rate-limit.repository';
import { RateLimitService, retryAfterSeconds } from './rate-limit.service';

interface Attempt {
  ip: string | null;
  email: string;
}

/**
 * Failed logins are counted per client IP and per email. Each attempt is counted before its
 * password is checked (so concurrent guesses cannot slip past the limit) and given back when it
 * succeeds. Once either counter is full, logins are refused with 429 without checking the password
 * for the rest of the window: a lockout that admins can list and clear. A success resets its email.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly limits: RateLimitService,
  ) {}

  /** Counts the attempt; throws 429 when its IP or email is locked out. */
  async begin(attempt: Attempt): Promise<void> {
    for (const [policy, key] of keysOf(attempt)) {
      const usage = await this.counters.consume(policy, await this.limits.limitFor(policy, null), key);
      if (usage.allowed) continue;
      // Guesses at locked emails count for their IP too; its lockout must be visible as well.
      if (policy === 'login_ip') await this.saveLockout(policy, key, usage, null);
      throw new RateLimitedError(retryAfterSeconds(usage), 'Too many failed logins, try again later');
    }
  }

  /** The attempt failed: a full counter becomes a visible lockout. */
  async failed(attempt: Attempt, accountId: string | null): Promise<void> {
    for (const [policy, key] of keysOf(attempt)) {
      const limit = await this.limits.limitFor(policy, null);
      const usage = await this.counters.peek(policy, limit, key);
      if (usage && usage.consumed >= limit.points) await this.saveLockout(policy, key, usage, accountId);
    }
  }

  private saveLockout(policy: RateLimitPolicy, key: string, usage: Usage, accountId: string | null) {
    const kind = policy === 'login_ip' ? 'ip' : 'email';
    return this.counters.saveLockout({
      key: `${kind}:${key}`,
      kind,
      subject: key,
      accountId: kind === 'email' ? accountId : null,
      failures: usage.consumed,
      until: Date.now() + usage.msBeforeNext,
    });
  }

  async succeeded(attempt: Attempt): Promise<void> {
    const [[ipPolicy, ip], [emailPolicy, email]] = keysOf(attempt);
    await this.counters.refund(ipPolicy, await this.limits.limitFor(ipPolicy, null), ip);
    await this.counters.reset(emailPolicy, await this.limits.limitFor(emailPolicy, null), email);
    await this.counters.deleteLockout(`email:${email}`);
  }

  /** Lockouts in force: an admin sees those of their account's users, the owner every one. */
  async list(principal: Principal): Promise<LockoutDto[]> {
    const now = Date.now();
    return (await this.visible(principal)).map((l) => toLockoutDto(l, now));
  }

  async clear(principal: Principal, key: string): Promise<void> {
    const lockout = (await this.visible(principal)).find((l) => l.key === key);
    if (!lockout) throw new NotFoundError('Lockout');
    const policy: RateLimitPolicy = lockout.kind === 'ip' ? 'login_ip' : 'login_email';
    await this.counters.reset(policy, await this.limits.limitFor(policy, null), lockout.subject);
    await this.counters.deleteLockout(key);
  }

  private async visible(principal: Principal): Promise<LockoutRecord[]> {
    const all = await this.counters.lockouts();
    return principal.role === 'owner' ? all : all.filter((l) => l.accountId === principal.accountId);
  }
}

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

function keysOf(attempt: Attempt): [[RateLimitPolicy, string], [RateLimitPolicy, string]] {
  return [
    ['login_ip', attempt.ip ?? 'unknown'],
    ['login_email', normalEmail(attempt.email)],
  ];
}

function toLockoutDto(record: LockoutRecord, now: number): LockoutDto {
  return {
    key: record.key,
    kind: record.kind,
    subject: record.subject,
    accountId: record.accountId,
    failures: record.failures,
    lockedUntil: new Date(record.until).toISOString(),
    retryAfter: retryAfterSeconds({ msBeforeNext: record.until - now }),
  };
}
