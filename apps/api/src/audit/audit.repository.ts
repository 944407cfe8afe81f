import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { newestFirstPage, type NewestFirstPage } from '../database/newest-first-page';
import { AuditEventEntity } from './audit-event.entity';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'createdAt'>;

export interface AuditFilter {
  accountId: string;
  action?: string;
  outcome?: 'success' | 'failure';
  actorRole?: string;
  chatId?: string;
  attachmentId?: string;
  from?: Date;
  to?: Date;
  skip: number;
  take: number;
  /** Keyset position (created_at as PostgreSQL prints it, id): rows strictly older; `skip` ignored. */
  after?: { value: string; id: string };
}

export type AuditPage = NewestFirstPage<AuditEventEntity>;

@Injectable()
export class AuditRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inserts the event unless the account turned logging off (`always` bypasses that switch). One
   * statement: the switch is read in the same query.
   */
  async insert(event: NewAuditEvent, always: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_events (account_id, action, outcome, reason, actor_role, actor_id, actor_name, chat_id, attachment_id, ip, details)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
        WHERE $12 OR COALESCE((SELECT logging_enabled FROM upload_settings WHERE account_id = $1), $13)`,
      [
        event.accountId,
        event.action,
        event.outcome,
        event.reason,
        event.actorRole,
        event.actorId,
        event.actorName,
        event.chatId,
        event.attachmentId,
        event.ip,
        event.details ? JSON.stringify(event.details) : null,
        always,
        this.config.uploads.platformDefaults.loggingEnabled,
      ],
    );
  }

  async list(filter: AuditFilter): Promise<AuditPage> {
    const qb = this.db
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.accountId = :accountId', { accountId: filter.accountId });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.outcome) qb.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    if (filter.actorRole) qb.andWhere('e.actorRole = :actorRole', { actorRole: filter.actorRole });
    if (filter.chatId) qb.andWhere('e.chatId = :chatId', { chatId: filter.chatId });
    if (filter.attachmentId)
      qb.andWhere('e.attachmentId = :attachmentId', { attachmentId: filter.attachmentId });
    if (filter.from) qb.andWhere('e.createdAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.createdAt < :to', { to: filter.to });
    return newestFirstPage(qb, 'e', filter);
  }
}
