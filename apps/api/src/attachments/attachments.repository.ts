import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { cappedCount } from '../database/capped-count';
import { searchLanguageOf, textTsQuery } from '../search/search-language';
import { HEADLINE_OPTIONS } from '../search/search-terms';
import type { ExportFilter, PreviewFilter, ScanFilter } from '@satchel/contracts';
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

  async list(f: AttachmentFilter): Promise<AttachmentListResult> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.accountId = :accountId', { accountId: f.accountId })
      .andWhere('a.expiredAt IS NULL');
    if (f.chatId) qb.andWhere('a.chatId = :chatId', { chatId: f.chatId });
    if (f.role) qb.andWhere('a.uploadedByRole = :role', { role: f.role });
    if (f.type) this.filterType(qb, f.type);
    if (f.from) qb.andWhere('a.createdAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.createdAt < :to', { to: f.to });
    if (f.q) qb.andWhere('a.name ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    this.filterDetails(qb, f);
    if (f.textQuery) {
      qb.andWhere(
        `a.id IN (SELECT t.attachment_id FROM attachment_texts t
                   WHERE t.account_id = :accountId AND t.content_tsv @@ ${textTsQuery('textQuery')})`,
        { textQuery: f.textQuery, config: await searchLanguageOf(this.db, f.accountId) },
      );
    }
    const sort = SORTS[f.sort];
    const page = qb.clone().addSelect(`(${sort.expr})::text`, 'sort_key');
    if (f.textQuery) {
      page.addSelect(
        `(SELECT ts_headline(CAST(:config AS regconfig), t.content, ${textTsQuery('textQuery')}, :headline)
            FROM attachment_texts t WHERE t.attachment_id = a.id)`,
        'snippet',
      );
      page.setParameter('headline', HEADLINE_OPTIONS);
    }
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
    const [{ entities, raw }, count] = await Promise.all([
      page.getRawAndEntities<{ sort_key: string | null; snippet?: string | null }>(),
      cappedCount(qb),
    ]);
    return {
      rows: entities.slice(0, f.take),
      sortKeys: raw.slice(0, f.take).map((r) => r.sort_key),
      snippets: raw.slice(0, f.take).map((r) => r.snippet ?? null),
      hasMore: entities.length > f.take,
      ...count,
    };
  }

  /** True when this call removed the row (a concurrent delete may have been first). */
  async delete(id: string): Promise<boolean> {
    return ((await this.repo().delete({ id })).affected ?? 0) > 0;
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
