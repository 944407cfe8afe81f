import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@satchel/contracts';
import type { Server } from 'socket.io';
import { accountRoom, chatRoom } from './rooms';

type EventName = keyof ServerToClientEvents;

/** The only place that emits on sockets. Rooms span processes through the Redis adapter. */
@Injectable()
export class RealtimeRepository {
  private server: Server | undefined;

  bind(server: Server): void {
    this.server = server;
  }

  /** To the chat's participants and the account's inbox connections, once per socket. */
  toChat<E extends EventName>(
    accountId: string,
    chatId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to([chatRoom(chatId), accountRoom(accountId)]).emit(event, ...args);
  }

  /** Closes matching sockets on every API process (through the Redis adapter). */
  disconnect(rooms: string[]): void {
    if (rooms.length) this.server?.in(rooms).disconnectSockets(true);
  }

  toAccount<E extends EventName>(
    accountId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(accountRoom(accountId)).emit(event, ...args);
  }
}
