import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchLanguage } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { ChatEntity } from '../chats/chat.entity';
import { MessageEntity } from '../chats/message.entity';
import { NAME_WORDS_SQL } from '../database/name-words';
import { lexemesOf, searchLanguageOf, textTsQuery } from './search-language';
import { prefixTsQuery, searchWords } from './search-terms';

export interface MessageHitRow {
  message: MessageEntity;
  /** created_at as PostgreSQL prints it, for the next cursor. */
  sortKey: string;
}

export interface MessageSearch {
  tsquery: string;
  /** The account's search language, as its messages were indexed. */
  config: SearchLanguage;
  limit: number;
  chatId?: string;
  accountId?: string;
  after?: { value: string; id: string };
}

/** What `newestIds` searches: rows of `table` (alias t) in `scope` that `match`, newest first. */
interface NewestSearch {
  table: string;
  scope: string;
  match: string;
  params: Record<string, unknown>;
  limit: number;
}

const TSQUERY = textTsQuery('tsquery');
/** Rows read newest first before the search falls back to the index of all matches. */
const RECENT_WINDOW = 2000;
/** Shorter terms than a trigram match word prefixes (`ab` finds `abc-12.pdf`, not `cab.pdf`). */
const MIN_SUBSTRING = 3;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** In one chat, a message also matches by the names of its live files (`receipt` finds "zeldas-receipt.png"). */
const FILE_NAME_MATCH = `EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = t.id AND a.expired_at IS NULL
  AND to_tsvector('simple', regexp_replace(a.name, '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple', :tsquery))`;

/** Full-text search of messages (tsvector + GIN) and trigram search of names. */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  language(accountId: string): Promise<SearchLanguage> {
    return searchLanguageOf(this.db, accountId);
  }

  lexemes(config: SearchLanguage, words: string[]): Promise<string[]> {
    return lexemesOf(this.db, config, words);
  }

  /** Newest first, in one chat or one account; one more row than `limit` tells whether more follow. */
  async messages(s: MessageSearch): Promise<MessageHitRow[]> {
    const scope = ['TRUE'];
    if (s.chatId) scope.push('t.chat_id = :chatId');
    if (s.accountId) scope.push('t.account_id = :accountId');
    if (s.after) scope.push('(t.created_at, t.id) < (CAST(:afterValue AS timestamptz), :afterId)');
    const ids = await this.newestIds({
      table: 'messages',
      scope: scope.join(' AND '),
      match: s.chatId ? `(t.text_tsv @@ ${TSQUERY} OR ${FILE_NAME_MATCH})` : `t.text_tsv @@ ${TSQUERY}`,
      params: {
        tsquery: s.tsquery,
        config: s.config,
        chatId: s.chatId,
        accountId: s.accountId,
        afterValue: s.after?.value,
        afterId: s.after?.id,
      },
      limit: s.limit + 1,
    });
    if (!ids.length) return [];
    const { entities, raw } = await this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .addSelect('m.created_at::text', 'sort_key')
      .where('m.id IN (:...ids)', { ids })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getRawAndEntities<{ sort_key: string }>();
    return entities.map((message, i) => ({ message, sortKey: raw[i].sort_key }));
  }

  /** Chats whose visitor name or email contains the text (trigram indexes), newest first. */
  async chatsByVisitor(accountId: string, text: string, limit: number): Promise<ChatEntity[]> {
    const match = nameMatch(text, [
      't.visitor_name',
      't.visitor_email',
      "coalesce(t.visitor_name, '') || ' ' || coalesce(t.visitor_email, '')",
    ]);
    if (!match) return [];
    const ids = await this.newestIds({
      table: 'chats',
      scope: 't.account_id = :accountId',
      match: match.sql,
      params: { accountId, ...match.params },
      limit,
    });
    return this.inOrder(ChatEntity, ids);
  }

  /** Live files whose name contains the text (trigram index), newest first. */
  async filesByName(accountId: string, text: string, limit: number): Promise<AttachmentEntity[]> {
    const match = nameMatch(text, ['t.name', 't.name']);
    if (!match) return [];
    const ids = await this.newestIds({
      table: 'attachments',
      scope: 't.account_id = :accountId AND t.expired_at IS NULL',
      match: match.sql,
      params: { accountId, ...match.params },
      limit,
    });
    return this.inOrder(AttachmentEntity, ids);
  }

  /**
   * The ids of the newest matching rows. Common terms are found among the newest rows (the keyset
   * index, a few thousand rows at most); rarer ones from the search index's matches, sorted. One
   * ordered query would leave the choice to the planner, which walks all rows newest first when
   * it overestimates how often a rare term matches (seconds over millions of rows).
   */
  private async newestIds(s: NewestSearch): Promise<string[]> {
    const order = 'ORDER BY t.created_at DESC, t.id DESC';
    const recent = await this.ids(
      `SELECT t.id FROM (SELECT * FROM ${s.table} t WHERE ${s.scope} ${order} LIMIT ${RECENT_WINDOW}) t
        WHERE ${s.match} ${order} LIMIT ${s.limit}`,
      s.params,
    );
    if (recent.length >= s.limit) return recent;
    return this.ids(
      `WITH t AS MATERIALIZED (SELECT t.id, t.created_at FROM ${s.table} t WHERE ${s.scope} AND ${s.match})
       SELECT t.id FROM t ${order} LIMIT ${s.limit}`,
      s.params,
    );
  }

  private async ids(sql: string, params: Record<string, unknown>): Promise<string[]> {
    const [query, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    const rows: { id: string }[] = await this.db.query(query, values);
    return rows.map((r) => r.id);
  }

  private async inOrder<T extends { id: string }>(entity: new () => T, ids: string[]): Promise<T[]> {
    if (!ids.length) return [];
    const rows = await this.db.getRepository(entity).createQueryBuilder('e').whereInIds(ids).getMany();
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is T => !!r);
  }
}

/**
 * Substring match (trigram indexes) of the name columns, or for terms shorter than a trigram a
 * word-prefix match of `words` (the last expression, full-text indexed as NAME_WORDS_SQL).
 */
function nameMatch(text: string, columns: string[]): { sql: string; params: Record<string, unknown> } | null {
  if (text.length >= MIN_SUBSTRING) {
    const likes = columns.slice(0, -1).map((c) => `${c} ILIKE :like`);
    return { sql: `(${likes.join(' OR ')})`, params: { like: `%${escapeLike(text)}%` } };
  }
  const prefix = prefixTsQuery(searchWords(text));
  if (!prefix) return null;
  return {
    sql: `${NAME_WORDS_SQL(columns[columns.length - 1])} @@ to_tsquery('simple', :prefix)`,
    params: { prefix },
  };
}
