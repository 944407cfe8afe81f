import { statSync } from 'node:fs';
import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { call, login, newChat, stalledUpload, upload, waitFor } from './support/http';
import { count } from './support/sql';

const DEADLINE_MS = 5000;

function pdfBytes(n: number): Buffer {
  const b = Buffer.alloc(n, 7);
  b.write('%PDF-1.4\n');
  return b;
}
const STALL_MS = 1500;

/** SIGTERM with a client that stopped sending, and SIGKILL mid-upload: nothing half-stored, nothing left over. */
describe('shutdown and crash mid-upload', () => {
  let d: FaultDeployment;
  let api: ApiProcess;
  let token: string;
  let chatId: string;

  beforeAll(async () => {
    d = await faultDeployment();
    api = await startApi({
      ...d.env,
      SHUTDOWN_DEADLINE_MS: String(DEADLINE_MS),
      UPLOAD_STALL_TIMEOUT_MS: '600000',
    });
    token = await login(api.url);
    chatId = await newChat(api.url, token);
  });

  afterAll(async () => {
    await api?.stop();
    await d?.remove();
  });

  it('SIGTERM with a stalled upload: readiness false first, exit within SHUTDOWN_DEADLINE_MS, nothing stored', async () => {
    expect((await call(api.url, 'GET', '/health/ready')).status).toBe(200);
    const client = await stalledUpload(
      api.url,
      `/v1/chats/${chatId}/attachments`,
      token,
      5_000_000,
      pdfBytes(200_000),
    );
    const clientClosed = new Promise((ok) => client.once('close', ok));
    await waitFor(() => d.tempFiles().length === 1, 10000, 'the upload writing its temp file');

    const started = Date.now();
    api.child.kill('SIGTERM');
    const ready = await call(api.url, 'GET', '/health/ready');
    const fresh = await call(api.url, 'GET', '/v1/attachments', { token });
    const code = await api.exited;
    const elapsed = Date.now() - started;
    process.stdout.write(
      `SIGTERM with a stalled upload: exited in ${elapsed} ms (deadline ${DEADLINE_MS} ms)\n`,
    );

    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 503,
      body: { ready: false, reason: 'shutting down' },
    });
    expect({ status: fresh.status, code: fresh.body['code'], header: fresh.retryAfter }).toEqual({
      status: 503,
      code: 'SHUTTING_DOWN',
      header: '1',
    });
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1000);
    expect(code).toBe(1);
    await clientClosed;
    expect(d.tempFiles()).toEqual([]);
    expect(await count(d.pg.url, 'attachments')).toBe(0);
  });

  it('killed mid-upload: the partial temp file is gone after the restart, no row, uploads work', async () => {
    api = await startApi({ ...d.env, UPLOAD_STALL_TIMEOUT_MS: String(STALL_MS) });
    const client = await stalledUpload(
      api.url,
      `/v1/chats/${chatId}/attachments`,
      token,
      30_000_000,
      pdfBytes(2_000_000),
    );
    await waitFor(
      () => d.tempFiles().some((f) => statSync(f).size > 0),
      10000,
      'the upload writing its temp file',
    );
    await api.kill();
    client.destroy();
    const [partial] = d.tempFiles();
    expect(partial).toBeDefined();

    api = await startApi({ ...d.env, UPLOAD_STALL_TIMEOUT_MS: String(STALL_MS) });
    await waitFor(() => d.tempFiles().length === 0, 20000, 'the crashed upload’s temp file removed');
    expect(await count(d.pg.url, 'attachments')).toBe(0);
    expect((await upload(api.url, token, chatId)).status).toBe(201);
  });
});
