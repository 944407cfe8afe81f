import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Redis } from 'ioredis';
import { S3rver } from '@satchel/testing';
import { startApi, tempDir, type ApiProcess, type Deployment } from './support/api-process';
import { pendingMultipartKeys, withMultipartListing } from './support/s3rver-multipart';
import { tusCreate, tusOffset, tusPatch, type TusTarget } from './support/tus-client';
import { eventually } from './support/eventually';
import { call } from './support/json-call';
import { tusDeployment, type TusDeployment } from './support/tus-deployment';
import { textFile } from './support/text-file';

const OWNER = { email: 'owner@tus-s3.test', password: 'resumable-s3-password' };
const MB = 1024 * 1024;
const BUCKET = 'files';

const sha256Of = async (body: Readable | ReadableStream<Uint8Array>) => {
  const hash = createHash('sha256');
  for await (const chunk of body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
};

/** s3rver with the multipart calls it lacks, a bucket, and an SDK client to look into it. */
async function startS3(): Promise<{
  env: Record<string, string>;
  s3: S3rver;
  client: S3Client;
  stop(): Promise<void>;
}> {
  const dir = tempDir();
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir.path,
    configureBuckets: [{ name: BUCKET }],
  });
  withMultipartListing(s3);
  const { port } = await s3.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  return {
    env: {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    s3,
    client,
    stop: async () => {
      client.destroy();
      s3.httpServer?.closeAllConnections();
      await s3.close();
      dir.remove();
    },
  };
}

async function keysIn(client: S3Client, prefix = ''): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '');
}

function deploy(s3Env: Record<string, string>, extraEnv: Record<string, string>): Promise<TusDeployment> {
  return tusDeployment(OWNER, 100 * 1024, { ...s3Env, ...extraEnv });
}

describe('resumable uploads with STORAGE_DRIVER=s3 (S3 multipart under .tus/)', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let deployment: Deployment;
  let a: ApiProcess;
  let b: ApiProcess;
  let token: string;
  let chatId: string;
  const files = tempDir();

  beforeAll(async () => {
    s3 = await startS3();
    ({ deployment, api: a, token, chatId } = await deploy(s3.env, { RESUMABLE_SWEEP_INTERVAL_SECONDS: '2' }));
    b = await startApi(deployment.env);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await deployment?.remove();
    await s3?.stop();
    files.remove();
  });

  it('keeps the parts as a multipart upload, resumes on another process and stores the file encrypted under a generated key', async () => {
    const size = 20 * MB;
    const path = join(files.path, 'report.txt');
    const sha256 = await textFile(path, size);
    const created = await tusCreate({ base: a.url, token }, size, { chatId, filename: 'report.txt' });
    expect(created.status).toBe(201);
    const location = created.location!;
    const id = location.split('/').pop()!;
    expect(await keysIn(s3.client, '.tus/')).toEqual([`.tus/${id}.info`]);

    const cut = await tusPatch({ base: a.url, token }, location, path, 0, size, { bytes: 12 * MB });
    expect(cut.status).toBe('cut');
    const kept = await eventually(
      async () => {
        const { offset } = await tusOffset({ base: b.url, token }, location);
        return offset > 0 && offset;
      },
      20_000,
      'a part to be kept',
    );
    expect(await pendingMultipartKeys(s3.s3, BUCKET)).toEqual([`.tus/${id}`]);

    const done = await tusPatch({ base: b.url, token }, location, path, kept, size - kept);
    expect(done.status).toBe(200);
    const attachment = JSON.parse(done.body) as { id: string; sha256: string; size: number };
    expect(attachment).toMatchObject({ sha256, size });

    // Nothing left of the tus upload; one object under the account's keys, encrypted at rest.
    expect(await pendingMultipartKeys(s3.s3, BUCKET)).toEqual([]);
    expect(await keysIn(s3.client, '.tus/')).toEqual([]);
    const stored = await keysIn(s3.client, 'accounts/');
    expect(stored).toHaveLength(1);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: stored[0] }));
    expect(await sha256Of(object.Body as Readable)).not.toBe(sha256);
    const download = await fetch(`${a.url}/v1/attachments/${attachment.id}/content`, {
      headers: { authorization: `Token ${token}` },
    });
    expect(download.status).toBe(200);
    expect(await sha256Of(download.body!)).toBe(sha256);
    expect((await tusOffset({ base: a.url, token }, location)).status).toBe(404);
  }, 180_000);

  it('records a completed upload whose process died before recording it (completion sweep)', async () => {
    const size = 6 * MB;
    const path = join(files.path, 'stranded.txt');
    const sha256 = await textFile(path, size);
    const created = await tusCreate({ base: a.url, token }, size, { chatId, filename: 'stranded.txt' });
    const location = created.location!;
    const id = location.split('/').pop()!;
    // Process A gets every byte, then waits to record the upload: the test holds the finishing lock.
    const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
    await redis.connect();
    const lockKey = `${deployment.env['QUEUE_PREFIX']}:tus-finish:${id}`;
    await redis.set(lockKey, 'held-by-test', 'PX', 120_000);
    try {
      const patch = tusPatch({ base: a.url, token }, location, path, 0, size);
      await eventually(
        async () => (await tusOffset({ base: b.url, token }, location)).offset === size,
        30_000,
        'every byte to arrive',
      );
      a.child.kill('SIGKILL');
      // The request never gets its answer: the connection drops with the process.
      await expect(patch).rejects.toThrow();
      await a.stop();
    } finally {
      await redis.del(lockKey);
      redis.disconnect();
    }
    const listed = await eventually(
      async () => {
        const page = await call<{ items: { name: string; sha256: string; size: number }[] }>(
          b,
          'GET',
          `/v1/attachments?chatId=${chatId}&q=stranded`,
          undefined,
          token,
        );
        return page.items.length > 0 && page.items;
      },
      60_000,
      'the sweep to record the upload',
    );
    expect(listed).toEqual([expect.objectContaining({ name: 'stranded.txt', sha256, size })]);
    await eventually(async () => (await keysIn(s3.client, '.tus/')).length === 0, 20_000, 'the parts to go');
    expect((await tusOffset({ base: b.url, token }, location)).status).toBe(404);
    a = await startApi(deployment.env);
  }, 180_000);
});

describe('expired incomplete resumable uploads on S3', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let deployment: Deployment;
  let api: ApiProcess;
  let token: string;
  let chatId: string;
  const files = tempDir();

  beforeAll(async () => {
    s3 = await startS3();
    ({ deployment, api, token, chatId } = await deploy(s3.env, {
      RESUMABLE_UPLOAD_EXPIRY_SECONDS: '6',
      RESUMABLE_SWEEP_INTERVAL_SECONDS: '1',
    }));
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await deployment?.remove();
    await s3?.stop();
    files.remove();
  });

  it('aborts their multipart uploads and removes their info and part objects', async () => {
    const path = join(files.path, 'part.txt');
    await textFile(path, 10 * MB);
    const on: TusTarget = { base: api.url, token };
    const big = await tusCreate(on, 10 * MB, { chatId, filename: 'part.txt' });
    const small = await tusCreate(on, 10 * MB, { chatId, filename: 'part.txt' });
    // 6 MB: a whole S3 part; 100 KB: below S3's minimum part, kept as a `.part` object.
    expect(await tusPatch(on, big.location!, path, 0, 6 * MB)).toEqual({ status: 204, body: '' });
    expect(await tusPatch(on, small.location!, path, 0, 100 * 1024)).toEqual({ status: 204, body: '' });
    const [bigId, smallId] = [big.location!, small.location!].map((l) => l.split('/').pop()!);
    expect((await pendingMultipartKeys(s3.s3, BUCKET)).sort()).toEqual(
      [`.tus/${bigId}`, `.tus/${smallId}`].sort(),
    );
    expect((await keysIn(s3.client, '.tus/')).sort()).toEqual(
      [`.tus/${bigId}.info`, `.tus/${smallId}.info`, `.tus/${smallId}.part`].sort(),
    );
    await eventually(
      async () =>
        (await pendingMultipartKeys(s3.s3, BUCKET)).length === 0 &&
        (await keysIn(s3.client, '.tus/')).length === 0,
      20_000,
      'the expired uploads to be swept from S3',
    );
    expect((await tusOffset(on, big.location!)).status).toBe(404);
  }, 120_000);
});
