import type { ClientToServerEvents, MessageDto, ServerToClientEvents } from '@satchel/contracts';
import { io, type Socket } from 'socket.io-client';
import { freshDeployment, startApi, type ApiProcess } from './support/api-process';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function join(
  base: string,
  chatId: string,
  connectionString: string,
): Promise<{ socket: ChatSocket; messageString: string }> {
  const socket: ChatSocket = io(base, {
    auth: { chatId, connectionString },
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((ok, fail) => {
    socket.once('session', (s) => ok({ socket, messageString: s.messageString }));
    socket.once('connect_error', fail);
  });
}

function next(socket: ChatSocket): Promise<MessageDto> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('no message within 5 s')), 5000);
    socket.once('message:new', (m) => {
      clearTimeout(timer);
      ok(m);
    });
  });
}

/** Two API processes on one PostgreSQL and Redis: realtime crosses processes (Socket.IO Redis adapter). */
describe('two API processes', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const deployment = await freshDeployment({
      ADMIN_EMAIL: 'owner@scale.test',
      ADMIN_PASSWORD: 'scale-out-password',
    });
    const env = deployment.env;
    [a, b] = await Promise.all([startApi(env), startApi(env)]);
    cleanup = async () => {
      await Promise.all([a.stop(), b.stop()]);
      await deployment.remove();
    };
  });
  afterAll(() => cleanup());

  it('a message sent through one process reaches a client connected to the other', async () => {
    const { token } = await post<{ token: string }>(a.url, '/v1/auth/login', {
      email: 'owner@scale.test',
      password: 'scale-out-password',
    });
    const account = await (
      await fetch(`${a.url}/v1/account`, { headers: { authorization: `Token ${token}` } })
    ).json();
    const chat = await post<{ chatId: string; visitorToken: string }>(a.url, '/v1/widget/chats', {
      widgetKey: account.widgetKey,
    });

    const visitorConn = await post<{ connectionString: string }>(
      a.url,
      `/v1/chats/${chat.chatId}/connection`,
      {},
      chat.visitorToken,
    );
    const visitor = await join(b.url, chat.chatId, visitorConn.connectionString);
    const opConn = await post<{ connectionString: string }>(
      b.url,
      `/v1/chats/${chat.chatId}/connection`,
      {},
      token,
    );
    const operator = await join(a.url, chat.chatId, opConn.connectionString);

    try {
      const viaRest = next(visitor.socket);
      await post(a.url, `/v1/chats/${chat.chatId}/messages`, { text: 'sent on A over REST' }, token);
      expect((await viaRest).text).toBe('sent on A over REST');

      const viaSocket = next(operator.socket);
      const ack = await visitor.socket.emitWithAck('message:send', {
        text: 'sent on B over the socket',
        messageString: visitor.messageString,
      });
      expect(ack.ok).toBe(true);
      expect((await viaSocket).text).toBe('sent on B over the socket');
    } finally {
      visitor.socket.close();
      operator.socket.close();
    }
  });
});
