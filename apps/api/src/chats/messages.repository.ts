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

  /**
   * The newest `limit` messages before a keyset position (or a given message), returned oldest
   * first, with the oldest one's position when older ones follow.
   */
  async list(
    chatId: string,
    limit: number,
    before?: { id: string } | { value: string; id: string },
  ): Promise<{ rows: MessageEntity[]; next: { value: string; id: string } | null }> {
    const qb = this.repo()
      .createQueryBuilder('m')
      .addSelect('m.created_at::text', 'sort_key')
      .where('m.chatId = :chatId', { chatId });
    if (before && 'value' in before) {
      qb.andWhere('(m.created_at, m.id) < (CAST(:beforeValue AS timestamptz), :beforeId)', {
        beforeValue: before.value,
        beforeId: before.id,
      });
    } else if (before) {
      // Only a message of this chat is a cursor; any other id gives an empty page.
      qb.andWhere(
        '(m.createdAt, m.id) < (SELECT created_at, id FROM messages WHERE id = :beforeId AND chat_id = :chatId)',
        { beforeId: before.id, chatId },
      );
    }
    const { entities, raw } = await qb
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ sort_key: string }>();
    const rows = entities.slice(0, limit);
    const last = rows.at(-1);
    const next = entities.length > limit && last ? { value: raw[limit - 1].sort_key, id: last.id } : null;
    return { rows: rows.reverse(), next };
  }
}
