import { Inject, Injectable } from '@nestjs/common';
import {
  FILE_KINDS,
  type FileKind,
  type RetentionBulkAction,
  type RetentionFileDto,
  type RetentionSummaryDto,
  type RetentionView,
  type RetentionViewDto,
} from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { NotFoundError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { StorageQuotaService } from '../upload-settings/storage-quota.service';
import { ConsistencyService } from './consistency.service';
import { FileRemover } from './file-remover.service';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionRepository, type RetentionFile, type Totals } from './retention.repository';

const PAGE = 200;
const DAY_MS = 86_400_000;

function toDto(file: RetentionFile): RetentionFileDto {
  return {
    id: file.id,
    chatId: file.chatId,
    name: file.name,
    size: file.size,
    contentType: file.contentType,
    createdAt: file.createdAt.toISOString(),
    expiresAt: file.expiresAt?.toISOString() ?? null,
    expiredAt: file.expiredAt?.toISOString() ?? null,
    expiryReason: file.expiryReason,
    legalHold: file.legalHold,
  };
}

/** The console's Expiring soon / Expired / Unused / Orphaned views, bulk actions and storage figures. */
@Injectable()
export class RetentionAdminService {
  constructor(
    private readonly rows: RetentionRepository,
    private readonly settings: RetentionSettingsService,
    private readonly remover: FileRemover,
    private readonly consistency: ConsistencyService,
    private readonly quotas: StorageQuotaService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(accountId: string, view: RetentionView): Promise<RetentionViewDto> {
    const { items, totals } = await this.list(accountId, view);
    return { view, count: totals.count, bytes: totals.bytes, items: items.map(toDto) };
  }

  async summary(accountId: string): Promise<RetentionSummaryDto> {
    const views = {} as RetentionSummaryDto['views'];
    for (const view of ['expiring', 'expired', 'unused', 'orphaned'] as const) {
      const { totals } = await this.list(accountId, view);
      views[view] = { count: totals.count, bytes: totals.bytes };
    }
    const byKind = Object.fromEntries(FILE_KINDS.map((k) => [k, { count: 0, bytes: 0 }])) as Record<
      FileKind,
      { count: number; bytes: number }
    >;
    for (const k of await this.rows.byKind(accountId)) byKind[k.kind as FileKind] = k;
    await this.rows.recordUsage();
    return {
      views,
      byKind,
      usage: await this.rows.usage(accountId, 90),
      quota: await this.quotas.get(accountId),
    };
  }

  /** Delete (tombstone; unused and expired rows go entirely), extend, hold or release files. */
  async bulk(ctx: ActorContext, action: RetentionBulkAction, ids: string[], days?: number): Promise<number> {
    const accountId = ctx.principal.accountId;
    let affected: number;
    if (action === 'delete') affected = await this.delete(ctx, ids);
    else if (action === 'extend')
      affected = await this.rows.extend(accountId, ids, new Date(Date.now() + (days ?? 1) * DAY_MS));
    else affected = await this.rows.hold(accountId, ids, action === 'hold');
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.retentionBulk, outcome: 'success', details: { action, ids, days, affected } },
      true,
    );
    return affected;
  }

  async holdChat(ctx: ActorContext, chatId: string, hold: boolean): Promise<void> {
    if (!(await this.rows.holdChat(ctx.principal.accountId, chatId, hold))) throw new NotFoundError('Chat');
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.legalHold, outcome: 'success', chatId, details: { hold } },
      true,
    );
  }

  private async delete(ctx: ActorContext, ids: string[]): Promise<number> {
    const accountId = ctx.principal.accountId;
    const live = await this.rows.live(accountId, ids);
    const inMessages = live.filter((f) => f.messageId).map((f) => f.id);
    const tombstoned = await this.rows.claimIds(accountId, inMessages, 'admin');
    await this.remover.purge(tombstoned, 'admin', { tombstoned: true, ctx });
    // Files never sent, and tombstones the admin clears, leave no row.
    const rest = ids.filter((id) => !inMessages.includes(id));
    const deleted = await this.rows.deleteRows(accountId, rest);
    await this.remover.purge(
      deleted.filter((f) => !f.expiredAt),
      'admin',
      { tombstoned: false, ctx },
    );
    return tombstoned.length + deleted.length;
  }

  private async list(
    accountId: string,
    view: RetentionView,
  ): Promise<{ items: RetentionFile[]; totals: Totals }> {
    if (view === 'expired') return this.rows.expired(accountId, PAGE);
    if (view === 'unused') return this.rows.unused(accountId, PAGE);
    if (view === 'orphaned') return this.consistency.missingOf(accountId);
    const settings = await this.rows.findSettings(accountId);
    const horizon = this.config.retention.expiringSoonDays * this.config.retention.dayMs;
    const query = settings?.legalHold
      ? null
      : this.settings.dueQuery(accountId, settings?.policy ?? null, horizon);
    return query ? this.rows.due(query, PAGE) : { items: [], totals: { count: 0, bytes: 0 } };
  }
}
