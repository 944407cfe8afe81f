import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface DelayingProxy {
  port: number;
  /** Connections whose first bytes matched `when`: their requests are held back. */
  readonly delayedConnections: number;
  /** Nothing is held back, and every request passed on was answered (or its connection closed). */
  readonly settled: boolean;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy that holds back, by `delayMs`, what a client sends on connections whose
 * first bytes match `when`, and still delivers it after the client hung up: the server then acts
 * on requests its client already gave up on, as a busy storage service does.
 */
export async function startDelayingProxy(
  upstreamPort: number,
  o: { delayMs: number; when: (head: string) => boolean },
): Promise<DelayingProxy> {
  const sockets = new Set<Socket>();
  let delayedConnections = 0;
  let held = 0;
  /** Upstream connections that were sent bytes and have not answered since. */
  const unanswered = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const server = createServer((client) => {
    track(client);
    const upstream = connect(upstreamPort, '127.0.0.1');
    track(upstream);
    let delayed: boolean | undefined;
    const later = (fn: () => void) => (delayed ? setTimeout(fn, o.delayMs) : fn());
    const pass = (chunk: Buffer) => {
      upstream.write(chunk);
      unanswered.add(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (delayed === undefined) {
        delayed = o.when(chunk.toString('latin1'));
        if (delayed) delayedConnections++;
      }
      if (!delayed) return pass(chunk);
      held++;
      setTimeout(() => {
        held--;
        pass(chunk);
      }, o.delayMs);
    });
    client.once('close', () => later(() => setTimeout(() => upstream.end(), o.delayMs)));
    upstream.on('data', (chunk: Buffer) => {
      unanswered.delete(upstream);
      if (!client.destroyed) client.write(chunk);
    });
    upstream.once('close', () => {
      unanswered.delete(upstream);
      client.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    get delayedConnections() {
      return delayedConnections;
    },
    get settled() {
      return held === 0 && unanswered.size === 0;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
