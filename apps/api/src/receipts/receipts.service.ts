import { Injectable } from '@nestjs/common';
import type { ChatReadsDto, ReadReceipt } from '@satchel/contracts';
import { ChatsService } from '../chats/chats.service';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { RealtimeRepository } from '../realtime/realtime.repository';
import { ReceiptsRepository, type ReadRow } from './receipts.repository';

const receipt = (chatId: string, row: ReadRow, visitorName = ''): ReadReceipt => ({
  chatId,
  reader: row.userId
    ? { role: 'operator', userId: row.userId, name: row.name }
    : { role: 'visitor', userId: null, name: visitorName },
  messageId: row.messageId,
  readAt: row.readAt.toISOString(),
});

/** "Seen": each operator's and the visitor's read position in a chat, stored and sent live. */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly chats: ChatsService,
    private readonly realtime: RealtimeRepository,
  ) {}

  /** The caller has this message (and every earlier one) on screen. */
  async markRead(principal: Principal, chatId: string, messageId: string): Promise<ReadReceipt> {
    if (principal.kind === 'api') throw new ForbiddenError('Only a chat participant reads messages');
    const chat = await this.chats.accessibleChat(principal, chatId);
    const row =
      principal.kind === 'user'
        ? await this.receipts.markOperatorRead(principal.userId, chat.id, messageId)
        : await this.receipts.markVisitorRead(chat.id, messageId);
    if (!row) throw new NotFoundError('Message');
    const read = receipt(chat.id, row, chat.visitorName);
    this.realtime.toChat(chat.accountId, chat.id, 'chat:read', read);
    return read;
  }

  async reads(principal: Principal, chatId: string): Promise<ChatReadsDto> {
    const chat = await this.chats.accessibleChat(principal, chatId);
    const [visitor, operators] = await Promise.all([
      this.receipts.visitorRead(chat.id),
      this.receipts.operatorReads(chat.id),
    ]);
    return {
      visitor: visitor ? receipt(chat.id, visitor, chat.visitorName) : null,
      operators: operators.map((r) => receipt(chat.id, r)),
    };
  }
}
