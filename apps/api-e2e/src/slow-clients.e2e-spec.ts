import { connect } from 'node:net';
import { freshDeployment, startApi, type ApiProcess } from './support/api-process';

/** Sends `head` a byte every 200 ms; resolves with the status line and when the server hung up. */
function trickleHead(api: ApiProcess, head: string): Promise<{ statusLine: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(api.url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let i = 0;
    const timer = setInterval(() => (i < head.length ? socket.write(head[i++]) : undefined), 200);
    socket.on('data', (c: Buffer) => (received += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ statusLine: received.split('\r\n')[0], closedAfterMs: Date.now() - started });
    });
    setTimeout(() => socket.destroy(), 15_000).unref();
  });
}

/** The limits reach the server `npm start` runs, not only the test harness. */
describe('slow clients against the built API', () => {
  let api: ApiProcess;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const deployment = await freshDeployment({
      ADMIN_PASSWORD: 'slow-clients-password',
      HTTP_HEADERS_TIMEOUT_MS: '1500',
    });
    api = await startApi(deployment.env);
    cleanup = async () => {
      await api.stop();
      await deployment.remove();
    };
  });
  afterAll(() => cleanup());

  it('cuts headers sent at a byte every 200 ms at HTTP_HEADERS_TIMEOUT_MS with 408', async () => {
    const r = await trickleHead(
      api,
      `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(100)}\r\n\r\n`,
    );
    expect(r.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(1400);
    expect(r.closedAfterMs).toBeLessThan(8000);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
