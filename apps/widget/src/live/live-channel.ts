import type {
  AttachmentPreviewedEvent,
  ChatDto,
  ClientToServerEvents,
  ConnectionStringResponse,
  FileRequestDto,
  MessageDto,
  ReadReceipt,
  RealtimeSendMessage,
  ServerToClientEvents,
  TypingEvent,
} from '@satchel/contracts';
import { io, type Socket } from 'socket.io-client';
import type { ApiClient } from '../api/api-client';

export type OutgoingMessage = Omit<RealtimeSendMessage, 'messageString'>;

export interface LiveHandlers {
  onMessage: (m: MessageDto) => void;
  onFileRequest: (r: FileRequestDto) => void;
  onStatus: (connected: boolean) => void;
  onReady?: () => void;
  /** The chat changed (it was closed, say). */
  onChat?: (c: ChatDto) => void;
  /** A file's server preview is ready (or failed). */
  onPreviewed?: (e: AttachmentPreviewedEvent) => void;
  onTyping?: (e: TypingEvent) => void;
  onRead?: (r: ReadReceipt) => void;
}

/**
 * Seed 004 over Socket.IO: joins the chat with its id and a fresh connection string (fetched on every
 * (re)connect), and sends each message with the single-use message string the server handed out.
 */
export class LiveChannel {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private messageString: string | null = null;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: ApiClient,
    private readonly chatId: string,
    private readonly handlers: LiveHandlers,
  ) {}

  get connected(): boolean {
    return !!this.socket?.connected && this.messageString !== null;
  }

  connect(): void {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.api.base, {
      transports: ['websocket'],
      auth: (cb) => {
        this.api.json<ConnectionStringResponse>('POST', `/v1/chats/${this.chatId}/connection`).then(
          (r) => cb({ chatId: this.chatId, connectionString: r.connectionString }),
          () => cb({ chatId: this.chatId, connectionString: '' }),
        );
      },
    });
    socket.on('session', (s) => {
      this.messageString = s.messageString;
      this.handlers.onStatus(true);
      this.handlers.onReady?.();
    });
    socket.on('disconnect', () => {
      this.messageString = null;
      this.handlers.onStatus(false);
    });
    socket.on('connect_error', () => this.handlers.onStatus(false));
    socket.on('message:new', (m) => this.handlers.onMessage(m));
    socket.on('file-request:updated', (r) => this.handlers.onFileRequest(r));
    socket.on('chat:updated', (c) => this.handlers.onChat?.(c));
    socket.on('attachment:previewed', (e) => this.handlers.onPreviewed?.(e));
    socket.on('typing', (e) => this.handlers.onTyping?.(e));
    socket.on('chat:read', (r) => this.handlers.onRead?.(r));
    this.socket = socket;
  }

  /** Sends over the socket; messages go one at a time because each needs the previous ack's string. */
  send(message: OutgoingMessage): Promise<MessageDto> {
    const next = this.sending.then(() => this.sendNow(message));
    this.sending = next.catch(() => undefined);
    return next;
  }

  private sendNow(message: OutgoingMessage): Promise<MessageDto> {
    const socket = this.socket;
    const messageString = this.messageString;
    if (!socket || !messageString) return Promise.reject(new Error('not connected'));
    return new Promise((resolve, reject) => {
      socket.timeout(15_000).emit('message:send', { ...message, messageString }, (err, ack) => {
        if (err) return reject(new Error('no answer from the server'));
        if (ack.nextMessageString) this.messageString = ack.nextMessageString;
        if (ack.ok) resolve(ack.message);
        else reject(new Error(ack.error));
      });
    });
  }

  typing(typing: boolean): void {
    this.socket?.emit('typing', { typing });
  }

  close(): void {
    this.socket?.close();
  }
}
