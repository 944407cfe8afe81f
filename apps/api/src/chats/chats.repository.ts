import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatStatus } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import { ChatEntity } from './chat.entity';
import type { TypeOrmTx } from '../database/transaction-host';

export interface ChatFilter {
  accountId: string;
  status?: ChatStatus;
  q?: string;
  skip: number;
  take: number;
}

@Injectable()
export class ChatsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(ChatEntity);
  }

  findInAccount(accountId: string, id: string): Promise<ChatEntity | null> {
    return this.repo().findOneBy({ accountId, id });
  }

  create(data: Partial<ChatEntity>): Promise<ChatEntity> {
    return this.repo().save(this.repo().create({ status: 'open', ...data }));
  }

  async list(filter: ChatFilter): Promise<[ChatEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('c')
      .where('c.accountId = :accountId', { accountId: filter.accountId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.q) qb.andWhere('c.visitorName ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb.orderBy('c.updatedAt', 'DESC').skip(filter.skip).take(filter.take).getManyAndCount();
  }

  async recordMessage(chatId: string, at: Date, preview: string): Promise<void> {
    await this.repo().update(
      { id: chatId },
      { lastMessageAt: at, lastMessagePreview: preview.slice(0, 200) },
    );
  }

  async close(id: string): Promise<void> {
    await this.repo().update({ id }, { status: 'closed', closedAt: new Date() });
  }

  async reopen(id: string): Promise<void> {
    await this.repo().update({ id }, { status: 'open', closedAt: null });
  }

  /** Moves the chat from one status to another; false when it was not in `from`. */
  async setStatus(id: string, from: ChatStatus, to: ChatStatus): Promise<boolean> {
    const res = await this.repo().update({ id, status: from }, { status: to });
    return (res.affected ?? 0) > 0;
  }

  /**
   * Reopens a closed chat for a visitor's message when the account lets visitors do so
   * (`inbox_settings.reopen_on_visitor_message`, off by default); one statement reads the switch.
   */
  async reopenForVisitor(id: string, accountId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[][]>(
      `UPDATE chats SET status = 'open', closed_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'closed'
          AND COALESCE((SELECT reopen_on_visitor_message FROM inbox_settings WHERE account_id = $2), false)
        RETURNING id`,
      [id, accountId],
    );
    return (rows[0] ?? []).length > 0;
  }

  async reopensOnVisitorMessage(accountId: string): Promise<boolean> {
    const rows = await this.db.query<{ on: boolean }[]>(
      `SELECT COALESCE((SELECT reopen_on_visitor_message FROM inbox_settings WHERE account_id = $1), false) AS on`,
      [accountId],
    );
    return rows[0]?.on ?? false;
  }

  async setVisitor(id: string, who: { visitorName?: string; visitorEmail?: string }): Promise<void> {
    if (who.visitorName || who.visitorEmail) await this.repo().update({ id }, who);
  }

  async assign(id: string, user: { id: string; name: string } | null): Promise<void> {
    await this.repo().update({ id }, { assignedUserId: user?.id ?? null, assigneeName: user?.name ?? null });
  }

  /** An active member of the account who can take chats, or null. */
  async assignableUser(accountId: string, userId: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM users WHERE id = $1 AND account_id = $2 AND active',
      [userId, accountId],
    );
    return rows[0] ?? null;
  }

  /** Closes open chats idle since `before`; returns the closed ones. */
  async closeIdle(before: Date): Promise<ChatEntity[]> {
    const rows = await this.db.query<{ id: string }[][]>(
      `UPDATE chats SET status = 'closed', closed_at = now(), updated_at = now()
        WHERE status IN ('open', 'pending') AND COALESCE(last_message_at, created_at) < $1 RETURNING id`,
      [before],
    );
    const ids = (rows[0] ?? []).map((r) => r.id);
    return ids.length ? this.repo().createQueryBuilder('c').whereInIds(ids).getMany() : [];
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(work);
  }
}
