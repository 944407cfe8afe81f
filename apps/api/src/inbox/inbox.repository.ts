import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChatEntity } from '../chats/chat.entity';

@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Open chats of the account, newest activity first, each with the visitor messages this user has not read. */
  async openChats(
    accountId: string,
    userId: string,
    window: { limit: number; offset: number },
  ): Promise<{ chat: ChatEntity; unread: number }[]> {
    const { entities, raw } = await this.db
      .getRepository(ChatEntity)
      .createQueryBuilder('c')
      .leftJoin('chat_reads', 'r', 'r.chat_id = c.id AND r.user_id = :userId', { userId })
      .addSelect(
        `(SELECT count(*)::int FROM messages m
           WHERE m.chat_id = c.id AND m.author_role = 'visitor' AND m.created_at > COALESCE(r.last_read_at, '-infinity'))`,
        'unread',
      )
      .addSelect('COALESCE(c.last_message_at, c.created_at)', 'activity')
      .where('c.accountId = :accountId AND c.status = :status', { accountId, status: 'open' })
      .orderBy('activity', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(window.limit)
      .offset(window.offset)
      .getRawAndEntities<{ unread: number }>();
    return entities.map((chat, i) => ({ chat, unread: raw[i]?.unread ?? 0 }));
  }

  async markRead(userId: string, chatId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_reads (user_id, chat_id, last_read_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, chat_id) DO UPDATE SET last_read_at = now()`,
      [userId, chatId],
    );
  }
}
