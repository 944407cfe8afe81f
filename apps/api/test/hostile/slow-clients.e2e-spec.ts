import { Manager } from 'socket.io-client';
import { pdfOfSize } from '../support/files';
import { accountWithOperator, startVisitorChat } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { expectNothingStored, storedNow } from './support/leftovers';
import { multipartBody, partBytes, rawPost } from './support/multipart';
import { jsonOf, openRaw, replyOf, trickle } from './support/raw-http';

const HEADERS_MS = 1000;
const STALL_MS = 1000;
const REQUEST_MS = 1500;
const CONNECT_MS = 1000;
/** Generous: the machine is shared; a cut must come after the limit and well before "never". */
const SLACK_MS = 4000;

describe('hostile: slow clients are cut off, honest slow uploads are not', () => {
  let t: TestApp;
  let visitor: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      HTTP_MAX_REQUESTS_PER_SOCKET: '3',
      UPLOAD_STALL_TIMEOUT_MS: String(STALL_MS),
      UPLOAD_STALL_MIN_BYTES: '1024',
      SOCKET_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
    });
    const { widgetKey } = await accountWithOperator(t);
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const uploadPath = () => `/v1/chats/${visitor.chatId}/attachments`;

  it('cuts request headers sent at a byte every 200 ms at the headers timeout', async () => {
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    const head = Buffer.from(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`);
    void trickle(socket, head, 1, 200);
    const r = await reply;
    expect(r.status).toBe(408);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_MS - 100);
    expect(r.closedAfterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
  });

  it('cuts an upload body trickled at a byte every 200 ms with 408 UPLOAD_STALLED and stores nothing', async () => {
    const before = await storedNow(t);
    const body = multipartBody([
      { name: 'files', filename: 'slow.pdf', type: 'application/pdf', content: pdfOfSize(64 * 1024) },
    ]);
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    const request = rawPost(uploadPath(), visitor.auth.Authorization, body);
    const headEnd = request.indexOf('\r\n\r\n') + 4;
    socket.write(request.subarray(0, headEnd + 2048));
    void trickle(socket, request.subarray(headEnd + 2048), 1, 200);
    const r = await reply;
    expect(r.status).toBe(408);
    expect(jsonOf(r)).toEqual({ error: expect.stringContaining('stalled'), code: 'UPLOAD_STALLED' });
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(STALL_MS - 100);
    expect(r.closedAfterMs).toBeLessThan(STALL_MS + SLACK_MS);
    await expectNothingStored(t, before);
  });

  it('cuts an upload whose body stops after the headers and part of the file', async () => {
    const before = await storedNow(t);
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    const head = rawPost(uploadPath(), visitor.auth.Authorization, Buffer.alloc(0), { length: 512 * 1024 });
    socket.write(head);
    socket.write(
      partBytes({
        name: 'files',
        filename: 'half.pdf',
        type: 'application/pdf',
        content: pdfOfSize(100 * 1024),
      }),
    );
    const r = await reply;
    expect(r.status).toBe(408);
    expect(jsonOf(r)?.['code']).toBe('UPLOAD_STALLED');
    await expectNothingStored(t, before);
  });

  it('cuts an upload that sends headers and no body at all', async () => {
    const before = await storedNow(t);
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    socket.write(rawPost(uploadPath(), visitor.auth.Authorization, Buffer.alloc(0), { length: 4096 }));
    const r = await reply;
    expect(r.status).toBe(408);
    expect(jsonOf(r)?.['code']).toBe('UPLOAD_STALLED');
    await expectNothingStored(t, before);
  });

  it('stores an honest upload sent steadily at 64 KiB/s for longer than the stall timeout', async () => {
    const file = pdfOfSize(150 * 1024);
    const body = multipartBody([
      { name: 'files', filename: 'steady.pdf', type: 'application/pdf', content: file },
    ]);
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    const started = Date.now();
    await trickle(socket, rawPost(uploadPath(), visitor.auth.Authorization, body), 16 * 1024, 250);
    const r = await reply;
    expect(Date.now() - started).toBeGreaterThan(STALL_MS);
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body)[0]).toMatchObject({ name: 'steady.pdf', size: file.length });
  });

  it('answers a JSON body trickled past the request timeout with 408 REQUEST_TIMEOUT', async () => {
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    const json = JSON.stringify({ email: 'nobody@test.local', password: 'x'.repeat(100) });
    socket.write(
      `POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n`,
    );
    void trickle(socket, Buffer.from(json), 1, 200);
    const r = await reply;
    expect(r.status).toBe(408);
    expect(jsonOf(r)).toEqual({ error: expect.any(String), code: 'REQUEST_TIMEOUT' });
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_MS - 100);
    expect(r.closedAfterMs).toBeLessThan(REQUEST_MS + SLACK_MS);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const r = await reply;
    expect(r.status).toBe(200);
    expect(r.closedAfterMs).toBeLessThan(1000 + SLACK_MS);
  });

  it('closes a connection after its maximum number of requests', async () => {
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(4));
    const r = await reply;
    const statuses = [...(r.headers + r.body).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).not.toContain(200);
  });

  describe('Socket.IO', () => {
    const options = { transports: ['websocket'], reconnection: false, forceNew: true };
    const closedAfter = (manager: Manager, started: number) =>
      new Promise<number>((resolve) => manager.once('close', () => resolve(Date.now() - started)));

    it('drops a connection that never sends its auth', async () => {
      const started = Date.now();
      // A bare Engine.IO connection: open, but no namespace is ever joined.
      const manager = new Manager(t.url, { ...options, autoConnect: false });
      const closed = closedAfter(manager, started);
      manager.open();
      const ms = await closed;
      expect(ms).toBeGreaterThanOrEqual(CONNECT_MS - 100);
      expect(ms).toBeLessThan(CONNECT_MS + SLACK_MS);
    });
  });
});
