import { Injectable, Logger } from '@nestjs/common';
import type { AuditEventDto, Page } from '@satchel/contracts';
import { actorOf, type Principal } from '../common/auth/principal';
import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import { pageOf } from '../common/pagination/page-query.dto';
import type { AuditAction } from './audit-actions';
import type { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import type { AuditQueryDto } from './dto/audit-query.dto';

/**
 * Who acted and from where; built by controllers from the principal and the request. `principal`
 * is null for a download through a signed link (then `accountId` names the account).
 */
export type AuditContext =
  | { principal: Principal; ip: string | null }
  | { principal: null; accountId: string; ip: string | null; system?: boolean };

/** A request made with a token. */
export type ActorContext = Extract<AuditContext, { principal: Principal }>;

const LINK_ACTOR = { role: 'link', id: null, name: 'signed link' } as const;
/** Scheduled work (retention sweeps) acting on its own. */
const SYSTEM_ACTOR = { role: 'system', id: null, name: 'retention' } as const;

export interface AuditEntry {
  action: AuditAction;
  outcome: 'success' | 'failure';
  reason?: string;
  chatId?: string | null;
  attachmentId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  private readonly log = new Logger('Audit');

  constructor(private readonly events: AuditRepository) {}

  /**
   * Records an event when the account's `loggingEnabled` is on (seed 000); `always` records it
   * regardless (rule changes, so turning logging off is itself logged). A failing audit write is
   * logged and does not fail the user's request.
   */
  async record(ctx: AuditContext, entry: AuditEntry, always = false): Promise<void> {
    const actor = ctx.principal ? actorOf(ctx.principal) : ctx.system ? SYSTEM_ACTOR : LINK_ACTOR;
    const accountId = ctx.principal ? ctx.principal.accountId : ctx.accountId;
    try {
      await this.events.insert(
        {
          accountId,
          action: entry.action,
          outcome: entry.outcome,
          reason: entry.reason ?? null,
          actorRole: actor.role,
          actorId: actor.id,
          actorName: actor.name,
          chatId: entry.chatId ?? null,
          attachmentId: entry.attachmentId ?? null,
          ip: ctx.ip,
          details: entry.details ?? null,
        },
        always,
      );
    } catch (err) {
      this.log.error(
        `Could not record ${entry.action} (${entry.outcome}) for account ${accountId}`,
        (err as Error).stack,
      );
    }
  }

  async list(principal: Principal, query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const { page, pageSize, skip } = pageOf(query);
    const after = query.cursor
      ? decodeCursor(query.cursor, 'createdAt', 'DESC', CURSOR_VALUES.timestamp)
      : undefined;
    const res = await this.events.list({
      accountId: principal.accountId,
      action: query.action,
      outcome: query.outcome,
      actorRole: query.role,
      chatId: query.chatId,
      attachmentId: query.attachmentId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      skip,
      take: pageSize,
      after,
    });
    const last = res.rows.length - 1;
    return {
      items: res.rows.map(toAuditEventDto),
      total: res.total,
      totalIsLowerBound: res.totalIsLowerBound,
      page,
      pageSize,
      nextCursor: res.hasMore
        ? encodeCursor({ sort: 'createdAt', order: 'DESC', value: res.sortKeys[last], id: res.rows[last].id })
        : null,
    };
  }
}

function toAuditEventDto(event: AuditEventEntity): AuditEventDto {
  return {
    id: event.id,
    action: event.action,
    outcome: event.outcome,
    reason: event.reason,
    actor: { role: event.actorRole, id: event.actorId, name: event.actorName },
    accountId: event.accountId,
    chatId: event.chatId,
    attachmentId: event.attachmentId,
    ip: event.ip,
    details: event.details,
    createdAt: event.createdAt.toISOString(),
  };
}
