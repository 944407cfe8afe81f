import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessageEntity } from './message.entity';
import type { TypeOrmTx } from '../database/transaction-host';

@Injectable()
export class MessagesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(MessageEntity);
  }

  create(data: Partial<MessageEntity>): Promise<MessageEntity> {
    return this.repo().save(this.repo().create(data));
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
