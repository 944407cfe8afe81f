import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { RealtimeSendAck, RealtimeSendMessage } from '@satchel/contracts';
import type { Server, Socket } from 'socket.io';
import { OriginGate, OriginNotAllowedError } from '../accounts/origin-gate.service';
import { TokensService } from '../auth/tokens.service';
import { ChatsService } from './chats.service';
import { ChatsRepository } from './chats.repository';
import { canAccessChat, isStaff, type Principal } from '../common/auth/principal';
import { DomainError, ValidationError } from '../common/errors/domain-errors';
import { bodyProblem } from '../common/validation/crafted-input';
import { createValidationPipe } from '../common/validation/validation.pipe';
import { Metrics } from '../metrics/metrics';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { limitSocketMessage } from '../rate-limit/socket-rate-limit';
import { ConnectionStringsService } from '../realtime/connection-strings.service';
import { RealtimeRepository } from '../realtime/realtime.repository';
import { accountRoom, chatRoom, tokenRoom, userRoom } from '../realtime/rooms';
import { SendMessageDto } from './dto/chat.dto';

interface SocketState {
  principal: Principal;
  chatId: string | null;
  seq: number;
}

/** The same checks as `POST /v1/chats/:id/messages` (text length, attachment ids). */
const validation = createValidationPipe();
const validMessage = async (message: RealtimeSendMessage): Promise<SendMessageDto> => {
  const body = {
    text: message.text,
    attachmentIds: message.attachmentIds,
    fileRequestId: message.fileRequestId,
  };
  const problem = bodyProblem(body);
  if (problem) throw new ValidationError(problem.message, problem.field, { code: problem.code });
  return (await validation.transform(body, { type: 'body', metatype: SendMessageDto })) as SendMessageDto;
};

const SESSION_ENDED = 'session ended';

function refuse(reason: string, code?: string): Error & { data: { reason: string; code?: string } } {
  return Object.assign(new Error(reason), { data: { reason, ...(code && { code }) } });
}

/** Seed 004: join a chat with its id and a connection string; every message carries a message string. */
@WebSocketGateway({ cors: { origin: true } })
export class ChatsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly log = new Logger('Realtime');

  constructor(
    private readonly connections: ConnectionStringsService,
    private readonly chatsRepo: ChatsRepository,
    private readonly chats: ChatsService,
    private readonly realtime: RealtimeRepository,
    private readonly tokens: TokensService,
    private readonly rateLimits: RateLimitService,
    private readonly origins: OriginGate,
    private readonly metrics: Metrics,
  ) {}

  afterInit(server: Server): void {
    this.realtime.bind(server);
    server.use((socket, next) => {
      this.authorize(socket).then(
        (state) => {
          socket.data = state;
          next();
        },
        (err: Error) => next(err),
      );
    });
  }

  private async authorize(socket: Socket): Promise<SocketState> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const check = this.connections.check(auth['connectionString'], auth['chatId']);
    if (!check.ok) throw refuse(check.reason);
    const { principal, chatId } = check;
    if (chatId === null) {
      if (!isStaff(principal)) throw refuse('not allowed to join this chat');
      if (!(await this.tokens.isLive(principal.tokenId))) throw refuse(SESSION_ENDED);
      return { principal, chatId, seq: 0 };
    }
    await this.checkOrigin(principal, socket.handshake.headers.origin);
    const chat = await this.chatsRepo.findInAccount(principal.accountId, chatId);
    if (!chat) throw refuse('chat not found');
    if (!canAccessChat(principal, chat)) throw refuse('not allowed to join this chat');
    if (!(await this.tokens.isLive(principal.tokenId))) throw refuse(SESSION_ENDED);
    return { principal, chatId, seq: 0 };
  }

  /** A visitor's page must be on one of the account's allowed domains (same check as HTTP). */
  private async checkOrigin(principal: Principal, origin: string | undefined): Promise<void> {
    if (principal.kind !== 'visitor') return;
    try {
      await this.origins.assert(principal.accountId, origin);
    } catch (err) {
      if (err instanceof OriginNotAllowedError) throw refuse(err.message, err.extra['code'] as string);
      throw err;
    }
  }

  handleDisconnect(): void {
    this.metrics.sockets.dec();
  }

  async handleConnection(socket: Socket): Promise<void> {
    this.metrics.sockets.inc();
    const state = socket.data as SocketState;
    const { principal, chatId } = state;
    await socket.join([
      chatId ? chatRoom(chatId) : accountRoom(principal.accountId),
      tokenRoom(principal.tokenId),
      ...(principal.kind === 'user' ? [userRoom(principal.userId)] : []),
    ]);
    socket.emit('session', {
      chatId: state.chatId ?? '',
      messageString: this.connections.messageString(socket.id, state.seq),
    });
  }

  @SubscribeMessage('message:send')
  async onSend(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: RealtimeSendMessage,
  ): Promise<RealtimeSendAck> {
    const state = socket.data as SocketState;
    if (!state.chatId) return { ok: false, error: 'join a chat to send messages' };
    // Counted before the message string is checked, so a refused send leaves the current one valid.
    const refused = await limitSocketMessage(this.rateLimits, {
      socketId: socket.id,
      chatId: state.chatId,
      accountId: state.principal.accountId,
    });
    if (refused) {
      return { ...refused, nextMessageString: this.connections.messageString(socket.id, state.seq) };
    }
    if (!this.connections.checkMessageString(body?.messageString, socket.id, state.seq)) {
      return {
        ok: false,
        error: 'invalid message string',
        nextMessageString: this.connections.messageString(socket.id, state.seq),
      };
    }
    state.seq += 1;
    // A connection outlives its token: a signed-out or deactivated user must not keep sending.
    if (!(await this.tokens.isLive(state.principal.tokenId))) return { ok: false, error: SESSION_ENDED };
    const nextMessageString = this.connections.messageString(socket.id, state.seq);
    try {
      const message = await this.chats.send(state.principal, state.chatId, await validMessage(body));
      return { ok: true, message, nextMessageString };
    } catch (err) {
      if (!(err instanceof DomainError)) this.log.error('message:send failed', (err as Error).stack);
      return {
        ok: false,
        error: err instanceof DomainError ? err.message : 'Internal server error',
        nextMessageString,
      };
    }
  }
}
