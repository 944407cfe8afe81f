import { Inject, Injectable } from '@nestjs/common';
import type { RetentionDryRunDto, RetentionPolicy, RetentionSettingsDto } from '@satchel/contracts';
import { retentionActive } from '@satchel/domain';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { RetentionPolicyDto, UpdateRetentionDto } from './dto/retention.dto';
import { rulesOf } from './retention-rules';
import type { DueQuery } from './retention-sql';
import { RetentionRepository } from './retention.repository';

/** Drops unset overrides so the stored policy is exactly what applies. */
function policyOf(dto: RetentionPolicyDto, base: RetentionPolicy | null): RetentionPolicy {
  const clean = <T extends object>(o: T | undefined) =>
    o && Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number'));
  return {
    days: dto.days === undefined ? (base?.days ?? null) : dto.days,
    byKind: dto.byKind ? clean(dto.byKind) : (base?.byKind ?? {}),
    byRole: dto.byRole ? clean(dto.byRole) : (base?.byRole ?? {}),
    closedChatsOnly: dto.closedChatsOnly ?? base?.closedChatsOnly ?? false,
  };
}

/** `GET|PUT /v1/settings/retention` and the dry run. Off (keep forever) by default. */
@Injectable()
export class RetentionSettingsService {
  constructor(
    private readonly rows: RetentionRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(accountId: string): Promise<RetentionSettingsDto> {
    const settings = await this.rows.findSettings(accountId);
    return {
      ...policyOf({}, settings?.policy ?? null),
      legalHold: settings?.legalHold ?? false,
      maxDays: this.config.retention.maxDays,
    };
  }

  async update(ctx: ActorContext, dto: UpdateRetentionDto): Promise<RetentionSettingsDto> {
    const accountId = ctx.principal.accountId;
    const current = await this.rows.findSettings(accountId);
    const policy = policyOf(dto, current?.policy ?? null);
    await this.rows.saveSettings(accountId, policy, dto.legalHold ?? current?.legalHold ?? false);
    const next = await this.get(accountId);
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.retentionUpdate, outcome: 'success', details: { ...next } },
      true,
    );
    return next;
  }

  /** What `dto` (or the saved policy) would remove if it applied now ("1,204 files, 3.2 GB"). */
  async dryRun(accountId: string, dto?: RetentionPolicyDto): Promise<RetentionDryRunDto> {
    const saved = (await this.rows.findSettings(accountId))?.policy ?? null;
    const policy = dto ? policyOf(dto, saved) : saved;
    const query = this.dueQuery(accountId, policy, 0);
    if (!query) return { files: 0, bytes: 0 };
    const { totals } = await this.rows.due(query, 1);
    return { files: totals.count, bytes: totals.bytes };
  }

  /** The query for files due within `horizonMs`, or null when the policy keeps everything. */
  dueQuery(accountId: string, policy: RetentionPolicy | null, horizonMs: number): DueQuery | null {
    const { maxDays, dayMs } = this.config.retention;
    if (!retentionActive(policy, maxDays)) return null;
    const rules = rulesOf(policy, maxDays);
    if (!rules.length) return null;
    return { accountId, rules, closedChatsOnly: policy?.closedChatsOnly ?? false, dayMs, horizonMs };
  }
}
