import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChatEntity } from './chat.entity';

export interface ChatFilter {
  accountId: string;
  status?: 'open' | 'closed';
  q?: string;
  skip: number;
  take: number;
}

@Injectable()
export class ChatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.db.manager).getRepository(ChatEntity);
  }

  findInAccount(accountId: string, id: string): Promise<ChatEntity | null> {
    return this.repo().findOneBy({ accountId, id });
  }

  create(data: Partial<ChatEntity>, m?: EntityManager): Promise<ChatEntity> {
    return this.repo(m).save(this.repo(m).create({ status: 'open', ...data }));
  }

  async list(f: ChatFilter): Promise<[ChatEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('c')
      .where('c.accountId = :accountId', { accountId: f.accountId });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.q) qb.andWhere('c.visitorName ILIKE :q', { q: `%${f.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb.orderBy('c.updatedAt', 'DESC').skip(f.skip).take(f.take).getManyAndCount();
  }

  async recordMessage(m: EntityManager, chatId: string, at: Date, preview: string): Promise<void> {
    await this.repo(m).update(
      { id: chatId },
      { lastMessageAt: at, lastMessagePreview: preview.slice(0, 200) },
    );
  }

  async close(id: string): Promise<void> {
    await this.repo().update({ id }, { status: 'closed', closedAt: new Date() });
  }

  /** Closes open chats idle since `before`; returns the closed ones. */
  async closeIdle(before: Date): Promise<ChatEntity[]> {
    const rows = await this.db.query<{ id: string }[][]>(
      `UPDATE chats SET status = 'closed', closed_at = now(), updated_at = now()
        WHERE status = 'open' AND COALESCE(last_message_at, created_at) < $1 RETURNING id`,
      [before],
    );
    const ids = (rows[0] ?? []).map((r) => r.id);
    return ids.length ? this.repo().createQueryBuilder('c').whereInIds(ids).getMany() : [];
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
