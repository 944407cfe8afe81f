import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { TypingRequest } from '@satchel/contracts';
import type { Socket } from 'socket.io';
import { ChatsRepository } from '../chats/chats.repository';
import { canAccessChat, type Principal } from '../common/auth/principal';
import { RealtimeRepository } from '../realtime/realtime.repository';

/** What the chats gateway's handshake put on every socket. */
interface SocketData {
  principal: Principal;
  chatId: string | null;
  typingAt?: number;
}

/** A socket relays at most one "typing" per this many ms (clients send one per 2 s); stops always pass. */
const MIN_TYPING_GAP_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Typing indicators, both ways: relayed to the chat's other participants, never stored. */
@WebSocketGateway({ cors: { origin: true } })
export class ReceiptsGateway {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly realtime: RealtimeRepository,
  ) {}

  @SubscribeMessage('typing')
  async onTyping(@ConnectedSocket() socket: Socket, @MessageBody() body: TypingRequest): Promise<void> {
    const data = socket.data as SocketData;
    if (!data?.principal || typeof body?.typing !== 'boolean') return;
    const now = Date.now();
    if (body.typing && data.typingAt && now - data.typingAt < MIN_TYPING_GAP_MS) return;
    // Set before the lookup: events arriving meanwhile count against the same gap.
    if (body.typing) data.typingAt = now;
    const chatId = await this.chatOf(data, body.chatId);
    if (!chatId) return;
    const { principal } = data;
    this.realtime.toChatExcept(socket.id, principal.accountId, chatId, 'typing', {
      chatId,
      role: principal.kind === 'visitor' ? 'visitor' : 'operator',
      name: principal.name,
      typing: body.typing,
    });
  }

  /** A chat socket types in its chat; the inbox connection names a chat of its account. */
  private async chatOf(data: SocketData, requested: unknown): Promise<string | null> {
    if (data.chatId) return data.chatId;
    if (typeof requested !== 'string' || !UUID.test(requested)) return null;
    const chat = await this.chats.findInAccount(data.principal.accountId, requested);
    return chat && canAccessChat(data.principal, chat) ? chat.id : null;
  }
}
