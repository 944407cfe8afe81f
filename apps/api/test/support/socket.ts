import type { ClientToServerEvents, RealtimeSessionEvent, ServerToClientEvents } from '@satchel/contracts';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Connected {
  socket: ChatSocket;
  session: RealtimeSessionEvent;
}

export async function connectionString(
  baseUrl: string,
  chatId: string,
  auth: { Authorization: string },
): Promise<string> {
  const res = await request(baseUrl).post(`/v1/chats/${chatId}/connection`).set(auth).expect(201);
  return res.body.connectionString;
}

/** Connects and resolves with the server's `session` event, or rejects with the refusal reason. */
export function connect(
  baseUrl: string,
  handshake: { chatId?: string; connectionString: string },
): Promise<Connected> {
  const socket: ChatSocket = io(baseUrl, {
    auth: handshake,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('session', (session) => resolve({ socket, session }));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ChatSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    (socket as unknown as { once(e: string, cb: (v: unknown) => void): void }).once(event, (value) => {
      clearTimeout(timer);
      resolve(value as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

/** Resolves with the reason once the socket is disconnected (`io server disconnect` when the server closed it). */
export function disconnection(socket: ChatSocket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

/** Chat and inbox connections of a test file; `closeAll` (after each test) closes every one opened. */
export interface SocketPool {
  join(chatId: string, auth: { Authorization: string }): Promise<Connected>;
  inbox(auth: { Authorization: string }): Promise<ChatSocket>;
  closeAll(): void;
}

export function socketPool(baseUrl: () => string): SocketPool {
  const open: ChatSocket[] = [];
  const opened = (c: Connected) => (open.push(c.socket), c);
  return {
    join: async (chatId, auth) =>
      opened(
        await connect(baseUrl(), {
          chatId,
          connectionString: await connectionString(baseUrl(), chatId, auth),
        }),
      ),
    inbox: async (auth) => {
      const res = await request(baseUrl()).post('/v1/realtime/connection').set(auth).expect(200);
      return opened(await connect(baseUrl(), { connectionString: res.body.connectionString })).socket;
    },
    closeAll: () => open.splice(0).forEach((s) => s.close()),
  };
}
