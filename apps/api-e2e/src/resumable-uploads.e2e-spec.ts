import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { S3rver } from '@satchel/testing';
import { countingReceiver } from './support/counting-receiver';
import { startApi, tempDir, type ApiProcess, type Deployment } from './support/api-process';
import { tusCreate, tusOffset, tusPatch, type TusTarget } from './support/tus-client';
import { eventually } from './support/eventually';
import { call } from './support/json-call';
import { tusDeployment, type TusDeployment } from './support/tus-deployment';
import { textFile } from './support/text-file';

const OWNER = { email: 'owner@tus.test', password: 'resumable-password' };
const MB = 1024 * 1024;
const SIZE = 200 * MB;

function setUp(extraEnv: Record<string, string> = {}): Promise<TusDeployment> {
  return tusDeployment(OWNER, 300 * 1024, { OUTBOUND_ALLOW: '127.0.0.1', ...extraEnv });
}

describe('resumable uploads (tus) across cuts, a restart and a second process', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let token: string;
  let chatId: string;
  let deployment: Deployment;
  let s3: S3rver;
  let s3Dir: ReturnType<typeof tempDir>;
  let receiver: Awaited<ReturnType<typeof countingReceiver>>;
  const files = tempDir();

  beforeAll(async () => {
    s3Dir = tempDir();
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3Dir.path,
      configureBuckets: [{ name: 'export' }],
    });
    const { port } = await s3.run();
    receiver = await countingReceiver();
    ({ deployment, api: a, token, chatId } = await setUp());
    b = await startApi(deployment.env);
    await call(a, 'PUT', '/v1/settings/callback', { enabled: true, url: receiver.url }, token);
    await call(
      a,
      'PUT',
      '/v1/settings/s3-export',
      {
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        region: 'us-east-1',
        bucket: 'export',
        folder: 'tus',
        endpoint: `http://127.0.0.1:${port}`,
        disabled: false,
      },
      token,
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await deployment?.remove();
    await receiver?.close();
    await s3?.close();
    s3Dir?.remove();
    files.remove();
  });

  it('completes a 200 MB upload cut twice, resumed on another process and after a restart, with the same sha256', async () => {
    const path = join(files.path, 'big.txt');
    const sha256 = await textFile(path, SIZE);
    const onA = (): TusTarget => ({ base: a.url, token });
    const onB: TusTarget = { base: b.url, token };
    const created = await tusCreate(onA(), SIZE, { chatId, filename: 'big.txt' });
    expect(created.status).toBe(201);
    const location = created.location!;
    expect(location).toMatch(/^\/v1\/uploads\/[\w-]+$/);

    // Cut 1, on process A.
    expect(await tusPatch(onA(), location, path, 0, 80 * MB, { bytes: 30 * MB })).toEqual({
      status: 'cut',
      body: '',
    });
    const afterCut1 = await eventually(
      async () => {
        const { offset } = await tusOffset(onB, location);
        return offset > 0 && offset;
      },
      20_000,
      'the first part to be kept',
    );
    // Cut 2, resumed through process B.
    const cut2 = await tusPatch(onB, location, path, afterCut1, 80 * MB, { bytes: 40 * MB });
    expect(cut2.status).toBe('cut');
    const afterCut2 = (await tusOffset(onA(), location)).offset;
    expect(afterCut2).toBeGreaterThan(afterCut1);
    // Process A is killed in the middle of a request, then started again.
    const killed = await tusPatch(onA(), location, path, afterCut2, SIZE - afterCut2, {
      bytes: 20 * MB,
      then: () => a.child.kill('SIGKILL'),
    });
    expect(killed.status).toBe('cut');
    await a.stop();
    a = await startApi(deployment.env);
    const resumedAt = (await tusOffset(onA(), location)).offset;
    expect(resumedAt).toBeGreaterThanOrEqual(afterCut2);
    expect(resumedAt).toBeLessThan(SIZE);

    const done = await tusPatch(onA(), location, path, resumedAt, SIZE - resumedAt);
    expect(done.status).toBe(200);
    const attachment = JSON.parse(done.body) as { id: string; sha256: string; size: number; name: string };
    expect(attachment).toMatchObject({ sha256, size: SIZE, name: 'big.txt' });
    expect((await tusOffset(onA(), location)).status).toBe(404);

    const shown = await eventually(
      async () => {
        const s = await call<{
          sha256: string;
          callback?: { deliveredAt: string | null };
          export?: { status: string };
        }>(a, 'GET', `/v1/attachments/${attachment.id}`, undefined, token);
        return Boolean(s.callback?.deliveredAt) && s.export?.status === 'exported' && s;
      },
      60_000,
      'the callback and the export',
    );
    expect(shown.sha256).toBe(sha256);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(1);
    expect(receiver.requests[0].bytes).toBeGreaterThan(SIZE);
  }, 240_000);
});

describe('resumable upload refusals and expiry', () => {
  let api: ApiProcess;
  let token: string;
  let chatId: string;
  let deployment: Deployment;
  const tusDir = () => join(deployment.env['DATA_DIR'], 'tus');
  const on = (): TusTarget => ({ base: api.url, token });

  beforeAll(async () => {
    ({ deployment, api, token, chatId } = await setUp({
      RESUMABLE_UPLOAD_EXPIRY_SECONDS: '3',
      RESUMABLE_SWEEP_INTERVAL_SECONDS: '1',
    }));
    await call(api, 'PUT', '/v1/settings/uploads', { operator: { maxSizeKb: 1024 } }, token);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await deployment?.remove();
  });

  it('refuses creation per the uploader’s rule: type 415, size 413, unknown chat 404, disabled 403, no token 401', async () => {
    const codeOf = (r: { body: string }) => (JSON.parse(r.body) as { code: string }).code;
    const exe = await tusCreate(on(), 1000, { chatId, filename: 'setup.exe' });
    expect([exe.status, codeOf(exe)]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const big = await tusCreate(on(), 1024 * 1024 + 1, { chatId, filename: 'big.pdf' });
    expect([big.status, codeOf(big)]).toEqual([413, 'FILE_TOO_LARGE']);
    const lost = await tusCreate(on(), 1000, {
      chatId: '00000000-0000-4000-8000-000000000000',
      filename: 'a.pdf',
    });
    expect(lost.status).toBe(404);
    const anonymous = await tusCreate({ base: api.url, token: 'nope' }, 1000, { chatId, filename: 'a.pdf' });
    expect(anonymous.status).toBe(401);
    await call(api, 'PUT', '/v1/settings/uploads', { operator: { enabled: false } }, token);
    try {
      const off = await tusCreate(on(), 1000, { chatId, filename: 'a.pdf' });
      expect([off.status, codeOf(off)]).toEqual([403, 'UPLOADS_DISABLED']);
    } finally {
      await call(api, 'PUT', '/v1/settings/uploads', { operator: { enabled: true } }, token);
    }
    expect(existsSync(tusDir()) ? readdirSync(tusDir()) : []).toEqual([]);
  });

  it('terminates an executable named .pdf at its first chunk and keeps nothing', async () => {
    const path = join(deployment.env['DATA_DIR'], 'evil.pdf');
    const exe = Buffer.alloc(512 * 1024, 0);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    await new Promise<void>((ok, fail) => createWriteStream(path).on('error', fail).end(exe, ok));
    const created = await tusCreate(on(), exe.length, { chatId, filename: 'evil.pdf' });
    expect(created.status).toBe(201);
    const first = await tusPatch(on(), created.location!, path, 0, 256 * 1024);
    expect(first).toMatchObject({ status: 415, body: expect.stringContaining('"code":"CONTENT_MISMATCH"') });
    expect((await tusOffset(on(), created.location!)).status).toBe(404);
    expect(readdirSync(tusDir())).toEqual([]);
  });

  it('takes a visitor’s upload with message text, sends it as a message and hides it from others', async () => {
    const account = await call<{ widgetKey: string }>(api, 'GET', '/v1/account', undefined, token);
    const visitor = await call<{ chatId: string; visitorToken: string }>(api, 'POST', '/v1/widget/chats', {
      widgetKey: account.widgetKey,
    });
    const asVisitor: TusTarget = { base: api.url, token: visitor.visitorToken };
    const path = join(deployment.env['DATA_DIR'], 'doc.pdf');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, 0x20)]);
    await new Promise<void>((ok, fail) => createWriteStream(path).on('error', fail).end(pdf, ok));
    const created = await tusCreate(asVisitor, pdf.length, {
      chatId: visitor.chatId,
      filename: 'doc.pdf',
      messageText: 'here it is',
    });
    expect(created.status).toBe(201);
    expect((await tusOffset(on(), created.location!)).status).toBe(404);
    const done = await tusPatch(asVisitor, created.location!, path, 0, pdf.length);
    expect(done.status).toBe(200);
    const attachment = JSON.parse(done.body) as { id: string; size: number };
    expect(attachment.size).toBe(pdf.length);
    const messages = await call<{ text: string; attachments: { id: string }[] }[]>(
      api,
      'GET',
      `/v1/chats/${visitor.chatId}/messages`,
      undefined,
      visitor.visitorToken,
    );
    expect(messages.at(-1)).toMatchObject({ text: 'here it is', attachments: [{ id: attachment.id }] });
  });

  it('discards a chunk that does not match its Upload-Checksum and keeps one that does', async () => {
    const path = join(deployment.env['DATA_DIR'], 'sum.txt');
    await textFile(path, 200 * 1024);
    const first = (await readFile(path)).subarray(0, 100 * 1024);
    const sha1 = (b: Buffer) => `sha1 ${createHash('sha1').update(b).digest('base64')}`;
    const created = await tusCreate(on(), 200 * 1024, { chatId, filename: 'sum.txt' });
    const wrong = await tusPatch(on(), created.location!, path, 0, 100 * 1024, undefined, {
      'upload-checksum': sha1(Buffer.from('something else')),
    });
    expect(wrong).toMatchObject({ status: 460, body: expect.stringContaining('CHECKSUM_MISMATCH') });
    expect((await tusOffset(on(), created.location!)).offset).toBe(0);
    const right = await tusPatch(on(), created.location!, path, 0, 100 * 1024, undefined, {
      'upload-checksum': sha1(first),
    });
    expect(right.status).toBe(204);
    expect((await tusOffset(on(), created.location!)).offset).toBe(100 * 1024);
    const terminated = await fetch(`${api.url}${created.location!}`, {
      method: 'DELETE',
      headers: { 'tus-resumable': '1.0.0', authorization: `Token ${token}` },
    });
    expect(terminated.status).toBe(204);
    expect(readdirSync(tusDir())).toEqual([]);
  });

  it('removes an incomplete upload once it expired', async () => {
    const path = join(deployment.env['DATA_DIR'], 'part.txt');
    await textFile(path, 300 * 1024);
    const created = await tusCreate(on(), 300 * 1024, { chatId, filename: 'part.txt' });
    const part = await tusPatch(on(), created.location!, path, 0, 100 * 1024);
    expect(part).toEqual({ status: 204, body: '' });
    expect(readdirSync(tusDir()).length).toBeGreaterThan(0);
    await eventually(
      async () => readdirSync(tusDir()).length === 0,
      10_000,
      'the expired upload to be swept',
    );
  });
});
