import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxCounts, InboxView } from '@satchel/contracts';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ChatEntity } from '../chats/chat.entity';
import { searchLanguageOf, textTsQuery } from '../search/search-language';

export interface InboxFilter {
  accountId: string;
  userId: string;
  view: InboxView;
  /** Matches the visitor's name or email, a file name (trigram indexes) ... */
  like?: string;
  /** ... or a message's words (the messages' full-text index). */
  tsquery?: string | null;
  limit: number;
  offset: number;
  /** A keyset position (last activity, id) to continue after; wins over `offset`. */
  after?: { value: string; id: string };
}

/** A chat's last activity, the inbox's sort (indexed per account with the id, see the migration). */
const ACTIVITY = 'COALESCE(c.last_message_at, c.created_at)';

/** Which chats a view holds (`c` is the chat). */
const VIEW_WHERE: Record<InboxView, string> = {
  mine: `c.status <> 'closed' AND c.assigned_user_id = :userId`,
  unassigned: `c.status <> 'closed' AND c.assigned_user_id IS NULL`,
  open: `c.status <> 'closed'`,
  closed: `c.status = 'closed'`,
};

@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A view's chats, newest activity first, each with the visitor messages this user has not read. */
  async chats(filter: InboxFilter): Promise<{ chat: ChatEntity; unread: number; sortKey: string }[]> {
    const qb = this.db
      .getRepository(ChatEntity)
      .createQueryBuilder('c')
      .leftJoin('chat_reads', 'r', 'r.chat_id = c.id AND r.user_id = :userId', { userId: filter.userId })
      .addSelect(
        `(SELECT count(*)::int FROM messages m
           WHERE m.chat_id = c.id AND m.author_role = 'visitor' AND m.created_at > COALESCE(r.last_read_at, '-infinity'))`,
        'unread',
      )
      .addSelect(ACTIVITY, 'activity')
      .addSelect(`${ACTIVITY}::text`, 'sort_key')
      .where('c.accountId = :accountId', { accountId: filter.accountId })
      .andWhere(VIEW_WHERE[filter.view]);
    await this.matching(qb, filter);
    if (filter.after) {
      qb.andWhere(`(${ACTIVITY}, c.id) < (CAST(:afterValue AS timestamptz), :afterId)`, {
        afterValue: filter.after.value,
        afterId: filter.after.id,
      });
    } else qb.offset(filter.offset);
    const { entities, raw } = await qb
      .orderBy('activity', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit)
      .getRawAndEntities<{ unread: number; sort_key: string }>();
    return entities.map((chat, i) => ({
      chat,
      unread: raw[i]?.unread ?? 0,
      sortKey: raw[i]?.sort_key ?? '',
    }));
  }

  /**
   * Visitor name/email, file name or message words. Each branch is a lookup in its own index
   * (trigram on chats and attachments, GIN on messages.text_tsv) rather than a scan per chat.
   */
  private async matching(qb: SelectQueryBuilder<ChatEntity>, filter: InboxFilter): Promise<void> {
    if (!filter.like) return;
    const branches = [
      'c.visitor_name ILIKE :like',
      'c.visitor_email ILIKE :like',
      `c.id IN (SELECT a.chat_id FROM attachments a
                 WHERE a.account_id = :accountId AND a.expired_at IS NULL AND a.name ILIKE :like)`,
    ];
    const config = filter.tsquery ? await searchLanguageOf(this.db, filter.accountId) : undefined;
    if (filter.tsquery)
      branches.push(`c.id IN (SELECT m.chat_id FROM messages m
                 WHERE m.account_id = :accountId AND m.text_tsv @@ ${textTsQuery('tsquery')})`);
    qb.andWhere(`(${branches.join(' OR ')})`, { like: filter.like, tsquery: filter.tsquery, config });
  }

  async counts(accountId: string, userId: string): Promise<InboxCounts> {
    const rows = await this.db.query<Record<InboxView, number>[]>(
      `SELECT count(*) FILTER (WHERE status <> 'closed' AND assigned_user_id = $2)::int AS mine,
              count(*) FILTER (WHERE status <> 'closed' AND assigned_user_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE status <> 'closed')::int AS open,
              count(*) FILTER (WHERE status = 'closed')::int AS closed
         FROM chats WHERE account_id = $1`,
      [accountId, userId],
    );
    return rows[0] ?? { mine: 0, unassigned: 0, open: 0, closed: 0 };
  }

  /** The same visitor's other chats: by the host site's id when identified, else by email. */
  async earlierChats(chat: ChatEntity, limit: number): Promise<ChatEntity[]> {
    const qb = this.db
      .getRepository(ChatEntity)
      .createQueryBuilder('c')
      .where('c.accountId = :accountId AND c.id <> :id', { accountId: chat.accountId, id: chat.id });
    if (chat.visitorExternalId) qb.andWhere('c.visitor_external_id = :ext', { ext: chat.visitorExternalId });
    else if (chat.visitorEmail)
      qb.andWhere('lower(c.visitor_email) = lower(:email)', { email: chat.visitorEmail });
    else return [];
    return qb.orderBy('c.created_at', 'DESC').limit(limit).getMany();
  }

  /** Active members who can take chats, in a stable order (for round-robin). */
  staff(accountId: string): Promise<{ id: string; name: string; role: string }[]> {
    return this.db.query(
      `SELECT id, name, role FROM users WHERE account_id = $1 AND active ORDER BY name, id`,
      [accountId],
    );
  }

  async markRead(userId: string, chatId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_reads (user_id, chat_id, last_read_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, chat_id) DO UPDATE SET last_read_at = now()`,
      [userId, chatId],
    );
  }
}
