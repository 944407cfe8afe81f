import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MessageEntity } from './message.entity';

@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.db.manager).getRepository(MessageEntity);
  }

  create(data: Partial<MessageEntity>, m?: EntityManager): Promise<MessageEntity> {
    return this.repo(m).save(this.repo(m).create(data));
  }

  /** The newest `limit` messages (before a given one), returned oldest first. */
  async list(chatId: string, limit: number, beforeId?: string): Promise<MessageEntity[]> {
    const qb = this.repo().createQueryBuilder('m').where('m.chatId = :chatId', { chatId });
    if (beforeId) {
      // Only a message of this chat is a cursor; any other id gives an empty page.
      qb.andWhere(
        '(m.createdAt, m.id) < (SELECT created_at, id FROM messages WHERE id = :beforeId AND chat_id = :chatId)',
        { beforeId, chatId },
      );
    }
    const rows = await qb.orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'DESC').take(limit).getMany();
    return rows.reverse();
  }
}
