import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type {
  AttachmentDto,
  ChatDto,
  MessageAuthor,
  MessageDto,
  Page,
  StartWidgetChatResponse,
  VisitorContext,
} from '@satchel/contracts';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { AccountsRepository } from '../accounts/accounts.repository';
import { OriginGate } from '../accounts/origin-gate.service';
import { TokensService } from '../auth/tokens.service';
import { actorOf, canAccessChat, Principal } from '../common/auth/principal';
import {
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../common/errors/domain-errors';
import {
  EVENTS,
  type ChatStartedEvent,
  type ChatUpdatedEvent,
  type MessageCreatedEvent,
} from '../common/events/events';
import { pageOf } from '../common/pagination/page-query.dto';
import type { ChatEntity } from './chat.entity';
import { toChatDto, toMessageDto } from './chat.mapper';
import { ChatsRepository } from './chats.repository';
import type { ChatListQueryDto, MessageListQueryDto } from './dto/chat.dto';
import { FILE_REQUESTS, type FileRequestsPort } from './file-requests.port';
import { MESSAGE_ATTACHMENTS, type MessageAttachmentsPort } from './message-attachments.port';
import { MessagesRepository } from './messages.repository';
import { RateLimitService } from '../rate-limit/rate-limit.service';

export interface NewMessage {
  text?: string;
  attachmentIds?: string[];
  fileRequestId?: string;
}

/** Runs inside the message's transaction (e.g. to store a file request that points at it). */
export type WithMessage = (message: MessageDto) => Promise<void>;

@Injectable()
export class ChatsService {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly messages: MessagesRepository,
    private readonly accounts: AccountsRepository,
    private readonly tokens: TokensService,
    private readonly events: EventEmitter2,
    private readonly rateLimits: RateLimitService,
    private readonly origins: OriginGate,
    private readonly audit: AuditService,
    @Optional() @Inject(MESSAGE_ATTACHMENTS) private readonly attachments?: MessageAttachmentsPort,
    @Optional() @Inject(FILE_REQUESTS) private readonly fileRequests?: FileRequestsPort,
  ) {}

  /** `origin` is the page's `Origin` header: refused unless the account allows it (no header: allowed). */
  async startWidgetChat(
    widgetKey: string,
    origin?: string,
    name?: string,
    email?: string,
    context?: VisitorContext,
  ): Promise<StartWidgetChatResponse> {
    const account = await this.accounts.findByWidgetKey(widgetKey);
    if (!account) throw new NotFoundError('Widget key', { field: 'widgetKey' });
    this.origins.assertAccount(account, origin);
    await this.rateLimits.consume([['chat_start_widget', account.id]], account.id);
    const started = await this.chats.transaction(async () => {
      const chat = await this.chats.create({
        accountId: account.id,
        visitorName: name?.trim() || 'Visitor',
        visitorEmail: email?.trim().toLowerCase() || null,
        visitorContext: context ?? null,
        source: 'widget',
      });
      const visitorToken = await this.tokens.issueVisitorToken(chat);
      return { chat, visitorToken };
    });
    // Awaited: the bot's greeting is stored before the visitor's first message (sent next).
    await this.events.emitAsync(EVENTS.chatStarted, {
      accountId: account.id,
      chat: toChatDto(started.chat),
    } satisfies ChatStartedEvent);
    return { chatId: started.chat.id, visitorToken: started.visitorToken };
  }

  async create(principal: Principal, visitorName?: string): Promise<ChatDto> {
    const chat = await this.chats.create({
      accountId: principal.accountId,
      visitorName: visitorName?.trim() || 'Visitor',
      source: 'api',
    });
    return toChatDto(chat);
  }

  async list(principal: Principal, query: ChatListQueryDto): Promise<Page<ChatDto>> {
    const { page, pageSize, skip } = pageOf(query);
    const [rows, total] = await this.chats.list({
      accountId: principal.accountId,
      status: query.status,
      q: query.q,
      skip,
      take: pageSize,
    });
    return { items: rows.map(toChatDto), total, page, pageSize };
  }

  async get(principal: Principal, chatId: string): Promise<ChatDto> {
    return toChatDto(await this.accessibleChat(principal, chatId));
  }

  /** The chat if this principal may see it; another account's or another visitor's chat is a 404. */
  async accessibleChat(principal: Principal, chatId: string): Promise<ChatEntity> {
    const chat = await this.chats.findInAccount(principal.accountId, chatId);
    if (!chat || !canAccessChat(principal, chat)) throw new NotFoundError('Chat');
    return chat;
  }

  async close(ctx: ActorContext, chatId: string): Promise<ChatDto> {
    const chat = await this.accessibleChat(ctx.principal, chatId);
    if (chat.status !== 'closed') {
      await this.chats.close(chat.id);
      await this.audited(ctx, AUDIT_ACTIONS.chatClose, chat);
    }
    return this.announce(chat);
  }

  async reopen(ctx: ActorContext, chatId: string): Promise<ChatDto> {
    const chat = await this.accessibleChat(ctx.principal, chatId);
    if (chat.status === 'closed') {
      await this.chats.reopen(chat.id);
      await this.audited(ctx, AUDIT_ACTIONS.chatReopen, chat);
    }
    return this.announce(chat);
  }

  /** Assigns the chat to an active member of the account, or unassigns it (`null`). */
  async assign(ctx: ActorContext, chatId: string, userId: string | null): Promise<ChatDto> {
    const chat = await this.accessibleChat(ctx.principal, chatId);
    const user = userId ? await this.chats.assignableUser(chat.accountId, userId) : null;
    if (userId && !user) throw new ValidationError('No such member of this account', 'userId');
    if ((chat.assignedUserId ?? null) !== (user?.id ?? null)) {
      await this.chats.assign(chat.id, user);
      await this.audited(ctx, AUDIT_ACTIONS.chatAssign, chat, {
        assignee: user?.name ?? null,
        previous: chat.assigneeName ?? null,
      });
    }
    return this.announce(chat);
  }

  /** Whether a visitor's message reopens a closed chat in this account. */
  reopensOnVisitorMessage(accountId: string): Promise<boolean> {
    return this.chats.reopensOnVisitorMessage(accountId);
  }

  /** Assigns without a person acting (round-robin); announced, not audited as anyone's change. */
  async assignAutomatically(
    accountId: string,
    chatId: string,
    user: { id: string; name: string },
  ): Promise<void> {
    const chat = await this.chats.findInAccount(accountId, chatId);
    if (!chat || chat.assignedUserId) return;
    await this.chats.assign(chat.id, user);
    await this.announce(chat);
  }

  /** The bot handed over (or finished): the chat now waits for an operator. */
  async handOver(accountId: string, chatId: string): Promise<void> {
    if (await this.chats.setStatus(chatId, 'pending', 'open')) {
      const chat = await this.chats.findInAccount(accountId, chatId);
      if (chat) await this.announce(chat);
    }
  }

  /** The visitor told the bot who they are: the chat shows it to operators from now on. */
  async recordVisitorContact(
    accountId: string,
    chatId: string,
    who: { name?: string; email?: string },
  ): Promise<void> {
    await this.chats.setVisitor(chatId, { visitorName: who.name, visitorEmail: who.email });
    const chat = await this.chats.findInAccount(accountId, chatId);
    if (chat) await this.announce(chat);
  }

  /** The bot took the chat: it is pending until the bot hands over. */
  async botTakesOver(accountId: string, chatId: string): Promise<void> {
    if (await this.chats.setStatus(chatId, 'open', 'pending')) {
      const chat = await this.chats.findInAccount(accountId, chatId);
      if (chat) await this.announce(chat);
    }
  }

  private audited(
    ctx: ActorContext,
    action: AuditAction,
    chat: ChatEntity,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(ctx, {
      action,
      outcome: 'success',
      chatId: chat.id,
      details: { visitorName: chat.visitorName, ...details },
    });
  }

  /** The chat as it is now, to every socket of the account and the chat. */
  private async announce(chat: ChatEntity): Promise<ChatDto> {
    const dto = toChatDto((await this.chats.findInAccount(chat.accountId, chat.id)) as ChatEntity);
    this.events.emit(EVENTS.chatUpdated, { accountId: chat.accountId, chat: dto } satisfies ChatUpdatedEvent);
    return dto;
  }

  /** A page of a chat's messages (oldest first) and the cursor of the older ones, if any. */
  async listMessages(
    principal: Principal,
    chatId: string,
    query: MessageListQueryDto,
  ): Promise<{ items: MessageDto[]; nextCursor: string | null }> {
    await this.accessibleChat(principal, chatId);
    const before = query.cursor
      ? decodeCursor(query.cursor, 'createdAt', 'DESC', CURSOR_VALUES.timestamp)
      : query.before
        ? { id: query.before }
        : undefined;
    const { rows, next } = await this.messages.list(chatId, query.limit ?? 50, before);
    const files =
      rows.length && this.attachments
        ? await this.attachments.forMessages(rows.map((r) => r.id))
        : new Map<string, AttachmentDto[]>();
    return {
      items: rows.map((r) => toMessageDto(r, files.get(r.id) ?? [])),
      nextCursor: next && encodeCursor({ sort: 'createdAt', order: 'DESC', ...next }),
    };
  }

  /**
   * Stores a message (linking its attachments and fulfilling its file request in the same
   * transaction), then announces it.
   */
  async send(
    principal: Principal,
    chatId: string,
    input: NewMessage,
    withMessage?: WithMessage,
  ): Promise<MessageDto> {
    const chat = await this.accessibleChat(principal, chatId);
    const text = (input.text ?? '').trim();
    const ids = [...new Set(input.attachmentIds ?? [])];
    if (!text && ids.length === 0) throw new ValidationError('A message needs text or attachments', 'text');
    if (ids.length && !this.attachments) throw new BadRequestError('Attachments are not available');
    if (input.fileRequestId && !this.fileRequests)
      throw new BadRequestError('File requests are not available');
    const requestId = input.fileRequestId;
    if (chat.status === 'closed') await this.reopenForVisitor(principal, chat);
    return this.store(
      chat,
      actorOf(principal),
      text,
      requestId,
      async (messageId) => {
        const files =
          ids.length && this.attachments
            ? await this.attachments.link(principal, chatId, messageId, ids)
            : [];
        if (requestId && this.fileRequests)
          await this.fileRequests.fulfil(principal, chatId, requestId, messageId, files);
        return files;
      },
      withMessage,
    );
  }

  /** A message by the account's chatbot (no principal: the bot acts for the account). */
  async postAsBot(
    accountId: string,
    chatId: string,
    botName: string,
    text: string,
    withMessage?: WithMessage,
  ): Promise<MessageDto> {
    const chat = await this.chats.findInAccount(accountId, chatId);
    if (!chat) throw new NotFoundError('Chat');
    return this.store(
      chat,
      { role: 'bot', id: null, name: botName },
      text,
      undefined,
      async () => [],
      withMessage,
    );
  }

  private async store(
    chat: ChatEntity,
    actor: MessageAuthor,
    text: string,
    fileRequestId: string | undefined,
    attach: (messageId: string) => Promise<MessageDto['attachments']>,
    withMessage?: WithMessage,
  ): Promise<MessageDto> {
    if (chat.status === 'closed') throw new ForbiddenError('This chat is closed', { code: 'CHAT_CLOSED' });
    const message = await this.chats.transaction(async () => {
      const row = await this.messages.create({
        chatId: chat.id,
        accountId: chat.accountId,
        authorRole: actor.role,
        authorId: actor.id,
        authorName: actor.name,
        text,
      });
      const files = await attach(row.id);
      await this.chats.recordMessage(chat.id, row.createdAt, text || files.map((f) => f.name).join(', '));
      const dto = toMessageDto(row, files);
      await withMessage?.(dto);
      return dto;
    });
    const fresh = (await this.chats.findInAccount(chat.accountId, chat.id)) as ChatEntity;
    this.events.emit(EVENTS.messageCreated, {
      accountId: chat.accountId,
      chat: toChatDto(fresh),
      message,
      fileRequestId,
    } satisfies MessageCreatedEvent);
    return message;
  }

  /**
   * A visitor writing to a closed chat reopens it when the account allows it (audited as the
   * visitor's reopen); anyone else, or with the setting off, is refused.
   */
  private async reopenForVisitor(principal: Principal, chat: ChatEntity): Promise<void> {
    const reopened =
      principal.kind === 'visitor' && (await this.chats.reopenForVisitor(chat.id, chat.accountId));
    if (!reopened) throw new ForbiddenError('This chat is closed', { code: 'CHAT_CLOSED' });
    chat.status = 'open';
    await this.audited({ principal, ip: null }, AUDIT_ACTIONS.chatReopen, chat, { byMessage: true });
    await this.announce(chat);
  }

  /** Closes chats idle for longer than the timeout (the maintenance job). */
  async expireIdle(idleMinutes: number): Promise<number> {
    const closed = await this.chats.closeIdle(new Date(Date.now() - idleMinutes * 60_000));
    for (const chat of closed) {
      this.events.emit(EVENTS.chatUpdated, {
        accountId: chat.accountId,
        chat: toChatDto(chat),
      } satisfies ChatUpdatedEvent);
    }
    return closed.length;
  }
}
