import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import { Injectable } from '@nestjs/common';
import type { InboxChatDto, InboxCounts, OperatorPresenceDto, VisitorProfileDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { toChatDto } from '../chats/chat.mapper';
import { ChatsService } from '../chats/chats.service';
import { RealtimeRepository } from '../realtime/realtime.repository';
import { prefixTsQuery, searchWords } from '../search/search-terms';
import { INBOX_PAGE, type InboxQueryDto } from './dto/inbox-query.dto';
import { InboxRepository } from './inbox.repository';

const EARLIER_CHATS = 20;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** The operator inbox: views of the account's chats with per-person unread counts. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly chats: ChatsService,
    private readonly realtime: RealtimeRepository,
  ) {}

  /** A window of a view's chats and, when it is full, the cursor of the next one. */
  async list(
    principal: Principal,
    query: InboxQueryDto,
  ): Promise<{ items: InboxChatDto[]; nextCursor: string | null }> {
    const userId = this.userOf(principal);
    const limit = query.limit ?? INBOX_PAGE;
    const text = query.q?.trim();
    const rows = await this.inbox.chats({
      accountId: principal.accountId,
      userId,
      view: query.view ?? 'open',
      like: text ? `%${escapeLike(text)}%` : undefined,
      // The search module's folding, so the inbox finds what the search page finds.
      tsquery: text ? prefixTsQuery(searchWords(text)) : null,
      limit,
      offset: query.offset ?? 0,
      after: query.cursor
        ? decodeCursor(query.cursor, 'activity', 'DESC', CURSOR_VALUES.timestamp)
        : undefined,
    });
    const last = rows.at(-1);
    return {
      items: rows.map((r) => ({ ...toChatDto(r.chat), unreadCount: r.unread })),
      nextCursor:
        last && rows.length === limit
          ? encodeCursor({ sort: 'activity', order: 'DESC', value: last.sortKey, id: last.chat.id })
          : null,
    };
  }

  counts(principal: Principal): Promise<InboxCounts> {
    return this.inbox.counts(principal.accountId, this.userOf(principal));
  }

  /** Members who can take chats; online while they have a socket open. */
  async operators(principal: Principal): Promise<OperatorPresenceDto[]> {
    const staff = await this.inbox.staff(principal.accountId);
    return Promise.all(
      staff.map(async (u) => ({
        ...u,
        presence: (await this.realtime.isUserOnline(u.id)) ? ('online' as const) : ('away' as const),
      })),
    );
  }

  async visitor(principal: Principal, chatId: string): Promise<VisitorProfileDto> {
    const chat = await this.chats.accessibleChat(principal, chatId);
    const earlier = await this.inbox.earlierChats(chat, EARLIER_CHATS);
    return { chat: toChatDto(chat), earlier: earlier.map(toChatDto) };
  }

  async markRead(principal: Principal, chatId: string): Promise<void> {
    const userId = this.userOf(principal);
    await this.chats.accessibleChat(principal, chatId);
    await this.inbox.markRead(userId, chatId);
  }

  private userOf(principal: Principal): string {
    if (principal.kind !== 'user') throw new ForbiddenError('The inbox is for signed-in operators');
    return principal.userId;
  }
}
