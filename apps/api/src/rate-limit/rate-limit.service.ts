import { Inject, Injectable } from '@nestjs/common';
import type { RateLimitSettingDto, RateLimitSettingsResponse } from '@satchel/contracts';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import { RateLimitedError, ValidationError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import {
  formatLimit,
  LIMIT_RULE,
  parseLimit,
  POLICY_NAMES,
  RATE_LIMIT_POLICIES,
  type Limit,
  type RateLimitPolicy,
} from './rate-limit.policies';
import { RateLimitRepository, type Usage } from './rate-limit.repository';
import { RateLimitOverridesRepository } from './rate-limit-overrides.repository';

type Overrides = Partial<Record<RateLimitPolicy, Limit>>;

export function retryAfterSeconds(usage: Pick<Usage, 'msBeforeNext'>): number {
  return Math.max(1, Math.ceil(usage.msBeforeNext / 1000));
}

/** Counts requests against the configured limits and each account's overrides. */
@Injectable()
export class RateLimitService {
  private readonly overrides = new TtlCache<Overrides>(SETTINGS_CACHE_MS);

  constructor(
    private readonly counters: RateLimitRepository,
    private readonly overrideRows: RateLimitOverridesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The limit in force for this account (the default when it has no override or none applies). */
  async limitFor(policy: RateLimitPolicy, accountId: string | null): Promise<Limit> {
    const fallback = this.config.rateLimits[policy];
    if (!accountId || !RATE_LIMIT_POLICIES[policy].overridable) return fallback;
    return (await this.accountOverrides(accountId))[policy] ?? fallback;
  }

  /** Takes one point of each `[policy, key]` in order; the first one exhausted throws `RateLimitedError`. */
  async consume(checks: [RateLimitPolicy, string][], accountId: string | null): Promise<void> {
    for (const [policy, key] of checks) {
      const usage = await this.counters.consume(policy, await this.limitFor(policy, accountId), key);
      if (!usage.allowed) throw new RateLimitedError(retryAfterSeconds(usage));
    }
  }

  async settings(accountId: string): Promise<RateLimitSettingsResponse> {
    const overrides = await this.accountOverrides(accountId);
    const limits = POLICY_NAMES.map((policy): RateLimitSettingDto => {
      const p = RATE_LIMIT_POLICIES[policy];
      const fallback = this.config.rateLimits[policy];
      const override = p.overridable ? overrides[policy] : undefined;
      return {
        policy,
        counts: p.counts,
        overridable: p.overridable,
        default: formatLimit(fallback),
        override: override ? formatLimit(override) : null,
        effective: formatLimit(override ?? fallback),
      };
    });
    return { limits };
  }

  async updateOverrides(
    accountId: string,
    input: Record<string, string | null>,
  ): Promise<RateLimitSettingsResponse> {
    const changes = Object.entries(input).map(([policy, value]): [string, Limit | null] => {
      const field = `overrides.${policy}`;
      if (!(policy in RATE_LIMIT_POLICIES)) throw new ValidationError(`${field} is not a rate limit`, field);
      if (!RATE_LIMIT_POLICIES[policy as RateLimitPolicy].overridable) {
        throw new ValidationError(`${field} is set for the whole platform only`, field);
      }
      if (value === null) return [policy, null];
      const limit = typeof value === 'string' ? parseLimit(value) : undefined;
      if (!limit) throw new ValidationError(`${field} must be ${LIMIT_RULE}`, field);
      return [policy, limit];
    });
    await this.overrideRows.apply(accountId, changes);
    this.overrides.delete(accountId);
    return this.settings(accountId);
  }

  private accountOverrides(accountId: string): Promise<Overrides> {
    return this.overrides.get(accountId, async () => {
      const rows = await this.overrideRows.list(accountId);
      return Object.fromEntries(rows.map((r) => [r.policy, { points: r.points, seconds: r.seconds }]));
    });
  }
}
