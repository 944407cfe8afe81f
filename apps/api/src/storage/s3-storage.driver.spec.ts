import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { guardedAgents } from '../outbound/guarded-agent';
import { OutboundBlockedError } from '../outbound/outbound.types';
import { startS3Server, type TestS3Server } from '@satchel/testing';
import { S3StorageDriver } from './s3-storage.driver';
import { InvalidStorageKeyError, StorageNotFoundError, StorageRangeError } from './storage.errors';

const MiB = 1024 * 1024;
const BUCKET = 'satchel-test';

/** `total` pseudo-random bytes in 1 MiB chunks, produced as read (never all in memory). */
function generated(total: number, seed: Buffer): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const chunk = createHash('sha512').update(seed).update(String(sent)).digest();
      const block = Buffer.alloc(Math.min(MiB, total - sent), chunk);
      sent += block.length;
      hash.update(block);
      this.push(block);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

describe('S3StorageDriver (against s3rver)', () => {
  let s3: TestS3Server;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    driver = await S3StorageDriver.connect(s3, BUCKET);
  });
  afterAll(async () => {
    driver.destroy();
    await s3.close();
  });

  it('stores a small streamed body and reads it back with its etag', async () => {
    const data = randomBytes(100_000);
    const stored = await driver.write(
      'ab/cd/small',
      Readable.from([data.subarray(0, 10), data.subarray(10)]),
      {
        contentType: 'application/pdf',
      },
    );
    expect(stored).toEqual({
      key: 'ab/cd/small',
      size: data.length,
      etag: createHash('md5').update(data).digest('hex'),
    });
    expect((await buffer(await driver.read('ab/cd/small'))).equals(data)).toBe(true);
    expect(await driver.stat('ab/cd/small')).toEqual({ size: data.length });
  });

  it('stores a 20 MiB streamed body as a multipart upload', async () => {
    const source = generated(20 * MiB, randomBytes(8));
    const stored = await driver.write('ab/cd/large', source.stream, { contentType: 'application/zip' });
    expect(stored.size).toBe(20 * MiB);
    const calls = s3.requests.filter((r) => r.includes('/ab/cd/large?'));
    expect(calls.filter((r) => r.startsWith('POST') && r.includes('?uploads'))).toHaveLength(1);
    expect(calls.filter((r) => r.startsWith('PUT') && r.includes('partNumber='))).toHaveLength(3); // 8 + 8 + 4 MiB
    const back = createHash('sha256');
    for await (const chunk of await driver.read('ab/cd/large')) back.update(chunk as Buffer);
    expect(back.digest('hex')).toBe(source.sha256());
    expect(s3.pendingUploads(BUCKET)).toEqual([]);
  }, 60_000);

  it('reads inclusive byte ranges', async () => {
    await driver.write('r/1', Readable.from([Buffer.from('0123456789')]), { contentType: 'text/plain' });
    const read = async (start: number, end: number) =>
      (await buffer(await driver.read('r/1', { start, end }))).toString();
    expect(await read(0, 0)).toBe('0');
    expect(await read(2, 5)).toBe('2345');
    expect(await read(7, 100)).toBe('789');
    await expect(driver.read('r/1', { start: 10, end: 12 })).rejects.toEqual(
      new StorageRangeError('r/1', 10),
    );
  });

  it('leaves no object and no parts when the body aborts mid multipart upload', async () => {
    const body = new PassThrough();
    const writing = driver.write('ab/cd/aborted', body, { contentType: 'application/zip' });
    for (let i = 0; i < 18; i++) body.write(randomBytes(MiB));
    await waitFor(() => s3.pendingUploads(BUCKET).length === 1);
    body.destroy(new Error('client went away'));
    await expect(writing).rejects.toThrow('client went away');
    expect(await driver.stat('ab/cd/aborted')).toBeNull();
    expect(s3.pendingUploads(BUCKET)).toEqual([]);
  }, 60_000);

  it('leaves no object when a small body aborts', async () => {
    const body = new PassThrough();
    const writing = driver.write('ab/cd/aborted-small', body, { contentType: 'text/plain' });
    body.write('partial');
    body.destroy(new Error('gone'));
    await expect(writing).rejects.toThrow('gone');
    expect(await driver.stat('ab/cd/aborted-small')).toBeNull();
  });

  it('reports missing objects, deletes idempotently and refuses unsafe keys', async () => {
    await expect(driver.read('no/such')).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await driver.stat('no/such')).toBeNull();
    await driver.write('d/1', Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
    await driver.delete('d/1');
    await driver.delete('d/1');
    expect(await driver.stat('d/1')).toBeNull();
    await expect(
      driver.write('../x', Readable.from([]), { contentType: 'text/plain' }),
    ).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(driver.read('/abs')).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('keeps resumable uploads in progress (.tus/) out of its keys and its listing', async () => {
    const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ ...s3, credentials: s3 });
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: '.tus/upload-1.info', Body: '{}' }));
    client.destroy();
    await driver.write('listed/1', Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
    const keys: string[] = [];
    for await (const o of driver.list()) keys.push(o.key);
    expect(keys).toContain('listed/1');
    expect(keys.filter((k) => k.startsWith('.tus/'))).toEqual([]);
    await expect(driver.read('.tus/upload-1.info')).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('goes through the SSRF guard when built with guarded agents', async () => {
    const blocked = await S3StorageDriver.connect({ ...s3, agents: guardedAgents([]) }, BUCKET);
    const err: unknown = await blocked.stat('r/1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect((err as OutboundBlockedError).reason).toBe(
      'destination address 127.0.0.1 is not allowed (loopback)',
    );
    blocked.destroy();
    const allowed = await S3StorageDriver.connect({ ...s3, agents: guardedAgents(['127.0.0.1']) }, BUCKET);
    expect(await allowed.stat('r/1')).toEqual({ size: 10 });
    allowed.destroy();
  });
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
