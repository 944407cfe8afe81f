import { Injectable } from '@nestjs/common';
import type { InboxChatDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { toChatDto } from '../chats/chat.mapper';
import { ChatsService } from '../chats/chats.service';
import { INBOX_PAGE, type InboxQueryDto } from './dto/inbox-query.dto';
import { InboxRepository } from './inbox.repository';

/** The operator inbox: open chats with per-person unread counts. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly chats: ChatsService,
  ) {}

  async list(p: Principal, q: InboxQueryDto): Promise<InboxChatDto[]> {
    const userId = this.userOf(p);
    const rows = await this.inbox.openChats(p.accountId, userId, {
      limit: q.limit ?? INBOX_PAGE,
      offset: q.offset ?? 0,
    });
    return rows.map((r) => ({ ...toChatDto(r.chat), unreadCount: r.unread }));
  }

  async markRead(p: Principal, chatId: string): Promise<void> {
    const userId = this.userOf(p);
    await this.chats.accessibleChat(p, chatId);
    await this.inbox.markRead(userId, chatId);
  }

  private userOf(p: Principal): string {
    if (p.kind !== 'user') throw new ForbiddenError('The inbox is for signed-in operators');
    return p.userId;
  }
}
