import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { waitUntil } from '@satchel/testing';
import request from 'supertest';
import { AzureStorageDriver } from '../src/storage/azure-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from '../src/storage/storage.driver';
import { startAzurite, type TestAzurite } from './support/azurite';
import { startDelayingProxy } from './support/delaying-proxy';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { attachmentRows, HTML, pathOf, pdfOfSize, PNG, rawBody, setUploadSettings } from './support/files';
import { partHeader, startRawUpload, waitFor } from './support/raw-upload';
import { peakRssGrowth, repeatedBody } from './support/peak-rss';
import { startTestApp, type TestApp } from './support/test-app';

const CONTAINER = 'satchel-test';
const MiB = 1024 * 1024;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments on Azure Blob storage (Azurite)', () => {
  let azurite: TestAzurite;
  let container: ContainerClient;
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    azurite = await startAzurite();
    container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
      CONTAINER,
    );
    await container.create();
    t = await startTestApp({
      STORAGE_DRIVER: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_CONTAINER: CONTAINER,
    });
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
    // These tests count stored objects: no preview renditions appearing in the background.
    await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 80 * 1024 }, generateThumbnails: false });
    // These specs count and size the driver's objects: store them as uploaded (encryption has its own spec).
    await request(t.url)
      .put('/v1/settings/trust')
      .set(owner.auth)
      .send({ encryptionAtRest: false })
      .expect(200);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await azurite?.close();
  });

  /** Every blob in the container, uncommitted ones (staged blocks without a commit) included. */
  const blobs = async () => {
    const out: { name: string; size: number }[] = [];
    for await (const b of container.listBlobsFlat({ includeUncommitedBlobs: true })) {
      out.push({ name: b.name, size: b.properties.contentLength ?? 0 });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  };

  it('reports the container in /health', async () => {
    const res = await request(t.url).get('/health').expect(200);
    expect(res.body.storage).toMatchObject({ ok: true });
    expect(t.app.get<StorageDriver>(STORAGE_DRIVER).name).toBe('azure');
  });

  it('stores uploads as blobs, serves them whole, by Range and to HEAD, and deletes them', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(7 * MiB);
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdf, 'big.pdf')
      .attach('files', PNG, 'p.png')
      .expect(201);
    const stored = await blobs();
    expect(stored).toHaveLength(2);
    expect(stored.map((b) => b.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^accounts/${owner.accountId}/chats/${v.chatId}/`)),
      ]),
    );
    expect(stored.map((b) => b.size).sort((a, b) => a - b)).toEqual([PNG.length, pdf.length]);

    const url = pathOf(res.body[0].url);
    const whole = await request(t.url).get(url).buffer(true).parse(rawBody).expect(200);
    expect(sha256(whole.body)).toBe(sha256(pdf));
    const part = await request(t.url)
      .get(url)
      .set('Range', 'bytes=6000000-6000009')
      .buffer(true)
      .parse(rawBody)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 6000000-6000009/${pdf.length}`);
    expect(Buffer.compare(part.body, pdf.subarray(6_000_000, 6_000_010))).toBe(0);
    const head = await request(t.url).head(url).expect(200);
    expect(head.headers['content-length']).toBe(String(pdf.length));

    await request(t.url).delete(`/v1/attachments/${res.body[1].id}`).set(owner.auth).expect(204);
    expect(await blobs()).toHaveLength(1);
    expect((await blobs())[0].size).toBe(pdf.length);
  });

  it('streams a 64 MiB upload in blocks and serves it back intact', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(64 * MiB);
    const before = (await blobs()).length;
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdf, 'huge.pdf')
      .expect(201);
    expect(await blobs()).toHaveLength(before + 1);
    const blocks = await container
      .getBlockBlobClient((await blobs()).find((b) => b.size === pdf.length)?.name ?? 'missing')
      .getBlockList('committed');
    expect(blocks.committedBlocks?.length).toBeGreaterThan(1);
    const back = await request(t.url).get(pathOf(res.body[0].url)).buffer(true).parse(rawBody).expect(200);
    expect(sha256(back.body)).toBe(sha256(pdf));
  }, 120_000);

  it('leaves no blob and no staged blocks after a refusal or an abort', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const before = await blobs();
    const rows = await attachmentRows(t);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdfOfSize(10_000), 'ok.pdf')
      .attach('files', HTML, 'bad.pdf')
      .expect(415);
    expect(await blobs()).toEqual(before);

    const socket = await startRawUpload(
      t.url,
      `/v1/chats/${v.chatId}/attachments`,
      v.auth.Authorization,
      40 * MiB,
    );
    socket.write(partHeader('files', 'big.pdf', 'application/pdf'));
    // More than the driver's blocks in flight (4 × 8 MiB), so at least one block must be staged.
    await new Promise<void>((resolve) => socket.write(pdfOfSize(36 * MiB), () => resolve()));
    await waitFor(async () => (await blobs()).length > before.length, 45_000);
    socket.destroy();
    await waitFor(async () => (await blobs()).length === before.length, 30_000);
    expect(await blobs()).toEqual(before);
    expect(await attachmentRows(t)).toBe(rows);
  }, 120_000);

  it('leaves no staged blocks when the body fails while blocks are still on their way', async () => {
    const azuritePort = Number(/127\.0\.0\.1:(\d+)/.exec(azurite.connectionString)?.[1]);
    // Blocks reach the service 1.5 s late, after the client gave up on them.
    const proxy = await startDelayingProxy(azuritePort, {
      delayMs: 1500,
      when: (head) => head.includes('comp=block&'),
    });
    try {
      const driver = await AzureStorageDriver.connect({
        connectionString: azurite.connectionString.replace(`:${azuritePort}/`, `:${proxy.port}/`),
        container: CONTAINER,
      });
      const key = `accounts/late-blocks/${randomUUID()}.pdf`;
      async function* failingBody() {
        yield Buffer.alloc(8 * MiB, 1);
        yield Buffer.alloc(8 * MiB, 2);
        // Both blocks are on their way (held back by the proxy) when the body fails.
        await waitUntil('both blocks sent', () => proxy.delayedConnections >= 2, 10_000, 20);
        throw new Error('the client went away');
      }
      const body = Readable.from(failingBody(), { objectMode: false });
      await expect(driver.write(key, body, { contentType: 'application/pdf' })).rejects.toThrow(
        'the client went away',
      );
      // The late blocks reached the service and were answered: anything they staged is listed now.
      await waitUntil('the late blocks to be answered', () => proxy.settled, 15_000, 50);
      expect((await blobs()).filter((b) => b.name === key)).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('writes a 256 MiB stream without holding it in memory', async () => {
    const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
    const key = 'memory/256mib';
    const growth = await peakRssGrowth(() =>
      driver.write(key, repeatedBody(256 * MiB), { contentType: 'application/octet-stream' }),
    );
    expect(await driver.stat(key)).toEqual({ size: 256 * MiB });
    // Whole-file buffering would add 256 MiB or more; blocks in flight are a few × 8 MiB.
    expect(growth).toBeLessThan(128 * MiB);
    process.stdout.write(`${'azure'} 256 MiB write: peak RSS +${Math.round(growth / MiB)} MiB\n`);
    await driver.delete(key);
    expect((await blobs()).some((b) => b.name === key)).toBe(false);
  }, 180_000);

  it('reports degraded health when the container does not exist', async () => {
    const broken = await startTestApp({
      STORAGE_DRIVER: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_CONTAINER: 'no-such-container',
    });
    try {
      const res = await request(broken.url).get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', storage: { ok: false } });
    } finally {
      await broken.close();
    }
  });
});
