import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface DelayingProxy {
  port: number;
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
    client.on('data', (chunk: Buffer) => {
      delayed ??= o.when(chunk.toString('latin1'));
      later(() => upstream.write(chunk));
    });
    client.once('close', () => later(() => setTimeout(() => upstream.end(), o.delayMs)));
    upstream.on('data', (chunk: Buffer) => {
      if (!client.destroyed) client.write(chunk);
    });
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
