import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { ChatEntity } from '../chats/chat.entity';
import { MessageEntity } from '../chats/message.entity';

export interface MessageHitRow {
  message: MessageEntity;
  /** created_at as PostgreSQL prints it, for the next cursor. */
  sortKey: string;
}

export interface MessageSearch {
  tsquery: string;
  limit: number;
  chatId?: string;
  accountId?: string;
  after?: { value: string; id: string };
}

const TSQUERY = `to_tsquery('simple', :tsquery)`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** In one chat, a message also matches by the names of its live files (`receipt` finds "zeldas-receipt.png"). */
const FILE_NAME_MATCH = `EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id AND a.expired_at IS NULL
  AND to_tsvector('simple', regexp_replace(a.name, '[^[:alnum:]]+', ' ', 'g')) @@ ${TSQUERY})`;

/** Full-text search of messages (tsvector + GIN) and trigram search of names. */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, in one chat or one account; one more row than `limit` tells whether more follow. */
  async messages(s: MessageSearch): Promise<MessageHitRow[]> {
    const qb = this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .addSelect('m.created_at::text', 'sort_key')
      .where(s.chatId ? `(m.text_tsv @@ ${TSQUERY} OR ${FILE_NAME_MATCH})` : `m.text_tsv @@ ${TSQUERY}`)
      .setParameters({ tsquery: s.tsquery });
    if (s.chatId) qb.andWhere('m.chat_id = :chatId', { chatId: s.chatId });
    if (s.accountId) qb.andWhere('m.account_id = :accountId', { accountId: s.accountId });
    if (s.after) {
      qb.andWhere('(m.created_at, m.id) < (CAST(:afterValue AS timestamptz), :afterId)', {
        afterValue: s.after.value,
        afterId: s.after.id,
      });
    }
    qb.orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(s.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    return entities.map((message, i) => ({ message, sortKey: raw[i].sort_key }));
  }

  /** Chats whose visitor name or email contains the text (trigram indexes), newest first. */
  chatsByVisitor(accountId: string, text: string, limit: number): Promise<ChatEntity[]> {
    return this.db
      .getRepository(ChatEntity)
      .createQueryBuilder('c')
      .where('c.accountId = :accountId', { accountId })
      .andWhere('(c.visitorName ILIKE :like OR c.visitorEmail ILIKE :like)', {
        like: `%${escapeLike(text)}%`,
      })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Live files whose name contains the text (trigram index), newest first. */
  filesByName(accountId: string, text: string, limit: number): Promise<AttachmentEntity[]> {
    return this.db
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.accountId = :accountId AND a.expiredAt IS NULL', { accountId })
      .andWhere('a.name ILIKE :like', { like: `%${escapeLike(text)}%` })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
