import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { cappedCount } from '../database/capped-count';
import { NAME_WORDS_SQL } from '../database/name-words';
import { searchLanguageOf, textTsQuery } from '../search/search-language';
import { HEADLINE_OPTIONS, prefixTsQuery, searchWords } from '../search/search-terms';
import {
  COUNT_LIMIT,
  type ExportFilter,
  type PreviewFilter,
  type ScanFilter,
  type SearchLanguage,
} from '@satchel/contracts';
import { AttachmentEntity } from './attachment.entity';
import type { TypeOrmTx } from '../database/transaction-host';

export type NewAttachment = Omit<AttachmentEntity, 'id' | 'createdAt' | 'messageId'>;

export interface AttachmentFilter {
  accountId: string;
  chatId?: string;
  role?: string;
  /** A MIME type (`image/png`), a MIME family (`image/*` or `image/`) or an extension (`pdf`). */
  type?: string;
  from?: Date;
  to?: Date;
  q?: string;
  uploaderId?: string;
  visitor?: string;
  minSize?: number;
  maxSize?: number;
  preview?: PreviewFilter;
  scan?: ScanFilter;
  export?: ExportFilter;
  /** A prefix tsquery over the text extracted from documents. */
  textQuery?: string;
  sort: 'createdAt' | 'name' | 'size';
  order: 'ASC' | 'DESC';
  skip: number;
  take: number;
  /** Keyset position: rows strictly after it in this sort; `skip` is then ignored. */
  after?: { value: string; id: string };
}

export interface AttachmentListResult {
  rows: AttachmentEntity[];
  /** Each row's sort value as PostgreSQL prints it (timestamps keep their microseconds). */
  sortKeys: (string | null)[];
  /** Per row, with `textQuery`: an excerpt of the document with marked matches. */
  snippets: (string | null)[];
  /** Whether rows follow the last one (one more row than the page is read to know). */
  hasMore: boolean;
  total: number;
  totalIsLowerBound: boolean;
}

/** The expression and type of each offered sort; every one has an index with the id as tie-breaker. */
const SORTS = {
  createdAt: { expr: 'a.created_at', cast: 'timestamptz' },
  // Names sort case-insensitively, whatever the database collation.
  name: { expr: 'LOWER(a.name)', cast: 'text' },
  size: { expr: 'a.size', cast: 'bigint' },
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** Shorter name searches than a trigram match word prefixes. */
const MIN_SUBSTRING = 3;
/**
 * Searches by name, visitor or document text count exactly up to 500 ("500+" beyond): each match
 * of those costs a visit to its row (30 µs), while plain listings and filters count from an index.
 */
const SEARCH_COUNT_LIMIT = 500;
const countLimit = (f: AttachmentFilter) =>
  f.q || f.visitor || f.textQuery ? SEARCH_COUNT_LIMIT : COUNT_LIMIT;

@Injectable()
export class AttachmentsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(AttachmentEntity);
  }

  /** Inserts the rows of one request in one statement (after their objects are stored). */
  async insertMany(rows: NewAttachment[]): Promise<AttachmentEntity[]> {
    const entities = rows.map((r) => this.repo().create({ ...r, messageId: null }));
    if (entities.length) await this.repo().insert(entities);
    return entities;
  }

  /** The files stored by an earlier request with this idempotency key, in request order. */
  findByIdempotencyKey(accountId: string, chatId: string, key: string): Promise<AttachmentEntity[]> {
    return this.repo().find({
      where: { accountId, chatId, idempotencyKey: key },
      order: { idempotencyIndex: 'ASC' },
    });
  }

  /** Whether this account already used the key in another chat (keys are scoped to the account). */
  idempotencyKeyUsedElsewhere(accountId: string, chatId: string, key: string): Promise<boolean> {
    return this.repo()
      .createQueryBuilder('a')
      .where('a.accountId = :accountId AND a.idempotencyKey = :key AND a.chatId <> :chatId', {
        accountId,
        key,
        chatId,
      })
      .getExists();
  }

  findById(id: string): Promise<AttachmentEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findInAccount(accountId: string, id: string): Promise<AttachmentEntity | null> {
    return this.repo().findOneBy({ accountId, id });
  }

  /** The newest attachment of a chat with this display name (seed 003's download by name). */
  findByName(chatId: string, name: string): Promise<AttachmentEntity | null> {
    return this.repo().findOne({ where: { chatId, name }, order: { createdAt: 'DESC' } });
  }

  forMessages(messageIds: string[]): Promise<AttachmentEntity[]> {
    return this.repo().find({ where: { messageId: In(messageIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Links unlinked attachments to a message inside its transaction; attachments uploaded without a
   * chat (seed 001) join the chat. Returns the linked rows (fewer than asked when some do not qualify).
   */
  async link(
    accountId: string,
    chatId: string,
    messageId: string,
    ids: string[],
    visitorOnly: boolean,
  ): Promise<AttachmentEntity[]> {
    const qb = this.repo()
      .createQueryBuilder()
      .update()
      .set({ messageId, chatId })
      .where('id IN (:...ids)', { ids })
      .andWhere('account_id = :accountId', { accountId })
      .andWhere('message_id IS NULL');
    if (visitorOnly) qb.andWhere(`chat_id = :chatId AND uploaded_by_role = 'visitor'`, { chatId });
    else qb.andWhere('(chat_id = :chatId OR chat_id IS NULL)', { chatId });
    await qb.execute();
    const rows = await this.repo().findBy({ id: In(ids), messageId });
    return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  }

  /**
   * One page of the account's live files. The page's ids are read first (from the sort's index
   * alone, deep offsets included), then only those rows; the count stops early (`countLimit`).
   */
  async list(f: AttachmentFilter): Promise<AttachmentListResult> {
    const config = f.textQuery ? await searchLanguageOf(this.db, f.accountId) : 'simple';
    const qb = this.filtered(f, config);
    const sort = SORTS[f.sort];
    const page = qb.clone().select('a.id', 'id').addSelect(`(${sort.expr})::text`, 'sort_key');
    if (f.after) {
      const cmp = f.order === 'ASC' ? '>' : '<';
      page.andWhere(`(${sort.expr}, a.id) ${cmp} (CAST(:afterValue AS ${sort.cast}), :afterId)`, {
        afterValue: f.after.value,
        afterId: f.after.id,
      });
    } else page.offset(f.skip);
    page
      .orderBy(sort.expr, f.order)
      .addOrderBy('a.id', f.order)
      .limit(f.take + 1);
    // The count runs beside the page query, on another connection.
    const [keys, count] = await Promise.all([
      page.getRawMany<{ id: string; sort_key: string | null }>(),
      cappedCount(qb, countLimit(f)),
    ]);
    const shown = keys.slice(0, f.take);
    const ids = shown.map((k) => k.id);
    const [rows, snippets] = await Promise.all([
      this.inOrder(ids),
      f.textQuery ? this.snippets(ids, f.textQuery, config) : new Map<string, string>(),
    ]);
    return {
      rows,
      sortKeys: shown.map((k) => k.sort_key),
      snippets: ids.map((id) => snippets.get(id) ?? null),
      hasMore: keys.length > f.take,
      ...count,
    };
  }

  /** True when this call removed the row (a concurrent delete may have been first). */
  async delete(id: string): Promise<boolean> {
    return ((await this.repo().delete({ id })).affected ?? 0) > 0;
  }

  /** Every filter of the listing, on live rows of the account. */
  private filtered(f: AttachmentFilter, config: SearchLanguage): SelectQueryBuilder<AttachmentEntity> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.accountId = :accountId', { accountId: f.accountId })
      .andWhere('a.expiredAt IS NULL');
    if (f.chatId) qb.andWhere('a.chatId = :chatId', { chatId: f.chatId });
    if (f.role) qb.andWhere('a.uploadedByRole = :role', { role: f.role });
    if (f.type) this.filterType(qb, f.type);
    if (f.from) qb.andWhere('a.createdAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.createdAt < :to', { to: f.to });
    if (f.q) this.filterName(qb, f.q);
    this.filterDetails(qb, f);
    if (f.textQuery) {
      qb.andWhere(
        `a.id IN (SELECT t.attachment_id FROM attachment_texts t
                   WHERE t.account_id = :accountId AND t.content_tsv @@ ${textTsQuery('textQuery')})`,
        { textQuery: f.textQuery, config },
      );
    }
    return qb;
  }

  /**
   * Names containing the text (trigram index); shorter terms than a trigram match word prefixes
   * (`ab` finds `abc-12.pdf`, not `cab.pdf`), as a substring scan of every name can't be fast.
   */
  private filterName(qb: SelectQueryBuilder<AttachmentEntity>, text: string): void {
    if (text.length >= MIN_SUBSTRING) {
      qb.andWhere('a.name ILIKE :q', { q: `%${escapeLike(text)}%` });
      return;
    }
    const prefix = prefixTsQuery(searchWords(text));
    if (!prefix) qb.andWhere('FALSE');
    else
      qb.andWhere(`${NAME_WORDS_SQL('a.name')} @@ to_tsquery('simple', :namePrefix)`, { namePrefix: prefix });
  }

  private async inOrder(ids: string[]): Promise<AttachmentEntity[]> {
    if (!ids.length) return [];
    const rows = await this.repo().findBy({ id: In(ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is AttachmentEntity => !!r);
  }

  /** An excerpt of each document's text with its matches marked. */
  private async snippets(
    ids: string[],
    textQuery: string,
    config: SearchLanguage,
  ): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; snippet: string }[] = await this.txHost.tx.query(
      `SELECT t.attachment_id AS id,
              ts_headline(CAST($4 AS regconfig), t.content, to_tsquery(CAST($4 AS regconfig), $2), $3) AS snippet
         FROM attachment_texts t WHERE t.attachment_id = ANY($1)`,
      [ids, textQuery, HEADLINE_OPTIONS, config],
    );
    return new Map(rows.map((r) => [r.id, r.snippet]));
  }

  /** Uploader, visitor, size and the preview, scan and export states (EXISTS over their own tables). */
  private filterDetails(qb: SelectQueryBuilder<AttachmentEntity>, f: AttachmentFilter): void {
    if (f.uploaderId) qb.andWhere('a.uploadedById = :uploaderId', { uploaderId: f.uploaderId });
    if (f.minSize !== undefined) qb.andWhere('a.size >= :minSize', { minSize: f.minSize });
    if (f.maxSize !== undefined) qb.andWhere('a.size <= :maxSize', { maxSize: f.maxSize });
    if (f.visitor) {
      qb.andWhere(
        `a.chatId IN (SELECT c.id FROM chats c WHERE c.account_id = :accountId
                        AND (c.visitor_name ILIKE :visitor OR c.visitor_email ILIKE :visitor))`,
        { visitor: `%${escapeLike(f.visitor)}%` },
      );
    }
    if (f.scan) {
      if (f.scan === 'none') qb.andWhere('a.scanStatus IS NULL');
      else qb.andWhere('a.scanStatus = :scan', { scan: f.scan });
    }
    if (f.preview) {
      const exists = `EXISTS (SELECT 1 FROM attachment_previews p WHERE p.attachment_id = a.id`;
      if (f.preview === 'none') qb.andWhere(`NOT ${exists})`);
      else qb.andWhere(`${exists} AND p.status = :preview)`, { preview: f.preview });
    }
    if (f.export) {
      const exists = `EXISTS (SELECT 1 FROM deliveries d WHERE d.attachment_id = a.id AND d.kind = 'export'`;
      if (f.export === 'none') qb.andWhere(`NOT ${exists})`);
      else qb.andWhere(`${exists} AND d.status = :export)`, { export: f.export });
    }
  }

  private filterType(qb: SelectQueryBuilder<AttachmentEntity>, type: string): void {
    const t = type.toLowerCase();
    if (!t.includes('/')) qb.andWhere('a.extension = :ext', { ext: t.replace(/^\./, '') });
    else if (t.endsWith('/*') || t.endsWith('/'))
      qb.andWhere('a.contentType LIKE :family', { family: `${escapeLike(t.replace(/\*$/, ''))}%` });
    else qb.andWhere('a.contentType = :mime', { mime: t });
  }
}
