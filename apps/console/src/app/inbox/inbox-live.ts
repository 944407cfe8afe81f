import { HttpClient } from '@angular/common/http';
import { inject, Injectable, OnDestroy, signal } from '@angular/core';
import type {
  ChatDto,
  ClientToServerEvents,
  ConnectionStringResponse,
  FileRequestDto,
  MessageDto,
  ReadReceipt,
  ServerToClientEvents,
  TypingEvent,
} from '@satchel/contracts';
import { firstValueFrom, Subject } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { PreviewUpdates } from '../files/preview-updates';

/**
 * The account-wide realtime connection of the inbox (seed 004 with no chat id): every chat's
 * messages, chat changes and file requests, live. A fresh connection string on every (re)connect.
 */
@Injectable()
export class InboxLive implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly previews = inject(PreviewUpdates);
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  readonly messages = new Subject<MessageDto>();
  readonly chats = new Subject<ChatDto>();
  readonly requests = new Subject<FileRequestDto>();
  readonly reads = new Subject<ReadReceipt>();
  readonly typing = new Subject<TypingEvent>();
  /** Emits on every (re)connection: events sent while disconnected were missed. */
  readonly sessions = new Subject<void>();
  readonly connected = signal(false);
  /** The chat open in the view (its messages do not count as unread). */
  readonly selected = signal<string | null>(null);

  connect(): void {
    if (this.socket) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(location.origin, {
      transports: ['websocket'],
      auth: (cb) => {
        firstValueFrom(this.http.post<ConnectionStringResponse>('/v1/realtime/connection', {})).then(
          (r) => cb({ chatId: '', connectionString: r.connectionString }),
          () => cb({ chatId: '', connectionString: '' }),
        );
      },
    });
    socket.on('session', () => {
      this.connected.set(true);
      this.sessions.next();
    });
    socket.on('disconnect', () => this.connected.set(false));
    socket.on('message:new', (m) => this.messages.next(m));
    socket.on('chat:updated', (c) => this.chats.next(c));
    socket.on('file-request:updated', (r) => this.requests.next(r));
    socket.on('attachment:previewed', (e) => this.previews.arrived(e));
    socket.on('chat:read', (r) => this.reads.next(r));
    socket.on('typing', (e) => this.typing.next(e));
    this.socket = socket;
  }

  /** This operator is typing in a chat (or stopped); throttled by the caller. */
  sendTyping(chatId: string, typing: boolean): void {
    this.socket?.emit('typing', { chatId, typing });
  }

  ngOnDestroy(): void {
    this.socket?.close();
    this.socket = null;
  }
}
