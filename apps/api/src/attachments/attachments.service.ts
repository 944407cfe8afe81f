import { Injectable } from '@nestjs/common';
import type { AttachmentDto, Page } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { actorOf, isAdmin, type Principal } from '../common/auth/principal';
import { FileExpiredError, ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import { pageOf } from '../common/pagination/page-query.dto';
import { ChatsRepository } from '../chats/chats.repository';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentRecorder } from './attachment-recorder';
import { AttachmentsRepository } from './attachments.repository';
import { canSeeAttachment } from './downloads.service';
import type { AttachmentListQueryDto } from './dto/attachment-list-query.dto';
import { markedSegments, prefixTsQuery, searchWords } from '../search/search-terms';

/** A tsquery that matches nothing: a text search without letters or digits finds no document. */
const NO_MATCH = 'a:* & !a:*';

function withSnippets(items: AttachmentDto[], snippets: (string | null)[]): AttachmentDto[] {
  return items.map((a, i) => (snippets[i] ? { ...a, snippet: markedSegments(snippets[i]) } : a));
}

const CURSOR_SHAPES = {
  createdAt: CURSOR_VALUES.timestamp,
  name: CURSOR_VALUES.text,
  size: CURSOR_VALUES.integer,
} as const;

/** Metadata, the admin listing and deletion. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly chats: ChatsRepository,
    private readonly presenter: AttachmentPresenter,
    private readonly recorder: AttachmentRecorder,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, id: string): Promise<AttachmentDto> {
    return this.presenter.presentOne(await this.visible(principal, id));
  }

  async list(principal: Principal, query: AttachmentListQueryDto): Promise<Page<AttachmentDto>> {
    const { page, pageSize, skip } = pageOf(query);
    const sort = query.sort ?? 'createdAt';
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const after = query.cursor ? decodeCursor(query.cursor, sort, order, CURSOR_SHAPES[sort]) : undefined;
    const res = await this.attachments.list({
      accountId: principal.accountId,
      chatId: query.chatId,
      role: query.role,
      type: query.type,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      q: query.q?.trim() || undefined,
      uploaderId: query.uploaderId,
      visitor: query.visitor?.trim() || undefined,
      minSize: query.minSize,
      maxSize: query.maxSize,
      preview: query.preview,
      scan: query.scan,
      export: query.export,
      textQuery: query.text ? (prefixTsQuery(searchWords(query.text)) ?? NO_MATCH) : undefined,
      sort,
      order,
      skip,
      take: pageSize,
      after,
    });
    const last = res.hasMore ? res.rows.length - 1 : -1;
    return {
      items: withSnippets(await this.presenter.present(principal.accountId, res.rows), res.snippets),
      total: res.total,
      totalIsLowerBound: res.totalIsLowerBound,
      page,
      pageSize,
      nextCursor:
        last < 0
          ? null
          : encodeCursor({ sort, order, value: res.sortKeys[last] ?? '', id: res.rows[last].id }),
    };
  }

  /** Admins delete any file of the account; others only their own upload, while its chat is open. */
  async delete(ctx: ActorContext, id: string): Promise<void> {
    const principal = ctx.principal;
    const row = await this.visible(principal, id);
    try {
      if (!isAdmin(principal) && !(await this.isOwnUploadInOpenChat(principal, row))) {
        throw new ForbiddenError(
          'Only an admin, or the uploader while the chat is open, can delete this file',
        );
      }
      if (!(await this.recorder.remove(row))) throw new NotFoundError('Attachment');
    } catch (err) {
      await this.audit.record(ctx, {
        action: AUDIT_ACTIONS.delete,
        outcome: 'failure',
        reason: (err as Error).message,
        chatId: row.chatId,
        attachmentId: row.id,
      });
      throw err;
    }
    await this.audit.record(ctx, {
      action: AUDIT_ACTIONS.delete,
      outcome: 'success',
      chatId: row.chatId,
      attachmentId: row.id,
      details: { name: row.name, size: row.size },
    });
  }

  private async visible(principal: Principal, id: string): Promise<AttachmentEntity> {
    const row = await this.attachments.findInAccount(principal.accountId, id);
    if (!row || !canSeeAttachment(principal, row)) throw new NotFoundError('Attachment');
    if (row.expiredAt) throw new FileExpiredError(row.expiredAt);
    return row;
  }

  private async isOwnUploadInOpenChat(principal: Principal, row: AttachmentEntity): Promise<boolean> {
    const actor = actorOf(principal);
    const own =
      row.uploadedByRole === actor.role &&
      (principal.kind === 'visitor' ? row.chatId === principal.chatId : row.uploadedById === actor.id);
    if (!own || !row.chatId) return false;
    return (await this.chats.findInAccount(principal.accountId, row.chatId))?.status !== 'closed';
  }
}
