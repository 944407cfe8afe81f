import { Injectable } from '@nestjs/common';
import type { InboxSettings } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import type { UpdateInboxSettingsDto } from './dto/inbox-settings.dto';
import { DEFAULT_INBOX_SETTINGS, InboxSettingsRepository } from './inbox-settings.repository';

/** Reopening closed chats on a visitor's message, and round-robin assignment. */
@Injectable()
export class InboxSettingsService {
  constructor(
    private readonly repo: InboxSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(accountId: string): Promise<InboxSettings> {
    const settings = await this.repo.find(accountId);
    return settings
      ? { reopenOnVisitorMessage: settings.reopenOnVisitorMessage, autoAssign: settings.autoAssign }
      : DEFAULT_INBOX_SETTINGS;
  }

  async update(ctx: ActorContext, dto: UpdateInboxSettingsDto): Promise<InboxSettings> {
    const accountId = ctx.principal.accountId;
    const before = await this.get(accountId);
    const after: InboxSettings = {
      reopenOnVisitorMessage: dto.reopenOnVisitorMessage ?? before.reopenOnVisitorMessage,
      autoAssign: dto.autoAssign ?? before.autoAssign,
    };
    await this.repo.save(accountId, after);
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.inboxSettingsUpdate, outcome: 'success', details: { before, after } },
      true,
    );
    return after;
  }
}
