import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ServerToClientEvents } from '@satchel/contracts';
import type { Server } from 'socket.io';
import { accountRoom, chatRoom, userRoom } from './rooms';

type EventName = keyof ServerToClientEvents;

/** The only place that emits on sockets. Rooms span processes through the Redis adapter. */
@Injectable()
export class RealtimeRepository implements BeforeApplicationShutdown {
  private server: Server | undefined;

  bind(server: Server): void {
    this.server = server;
  }

  /**
   * The sockets' Redis clients close with the app while jobs may still announce (a retention batch):
   * a publish on a closed client is a rejection nobody awaits, which ends the process. Clients are
   * being disconnected anyway, so later events go nowhere.
   */
  beforeApplicationShutdown(): void {
    this.server = undefined;
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

  /** As `toChat`, but not back to the socket that caused it (typing). */
  toChatExcept<E extends EventName>(
    socketId: string,
    accountId: string,
    chatId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server
      ?.to([chatRoom(chatId), accountRoom(accountId)])
      .except(socketId)
      .emit(event, ...args);
  }

  /** Closes matching sockets on every API process (through the Redis adapter). */
  disconnect(rooms: string[]): void {
    if (rooms.length) this.server?.in(rooms).disconnectSockets(true);
  }

  /**
   * Whether the user has a socket open on any API process (console or chat); null when this
   * process runs no Socket.IO server (a worker-only process cannot tell).
   */
  async isUserOnline(userId: string): Promise<boolean | null> {
    if (!this.server) return null;
    return (await this.server.in(userRoom(userId)).fetchSockets()).length > 0;
  }

  toAccount<E extends EventName>(
    accountId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(accountRoom(accountId)).emit(event, ...args);
  }
}
