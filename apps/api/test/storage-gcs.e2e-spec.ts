import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import request from 'supertest';
import { STORAGE_DRIVER, type StorageDriver } from '../src/storage/storage.driver';
import { StorageNotFoundError, StorageRangeError } from '../src/storage/storage.errors';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { attachmentRows, HTML, pathOf, pdfOfSize, PNG, rawBody, setUploadSettings } from './support/files';
import { startGcsServer, type TestGcsServer } from './support/gcs-server';
import { partHeader, startRawUpload, waitFor } from './support/raw-upload';
import { peakRssGrowth, repeatedBody } from './support/peak-rss';
import { startTestApp, type TestApp } from './support/test-app';

const BUCKET = 'satchel-test';
const MiB = 1024 * 1024;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments on Google Cloud Storage (loopback GCS JSON API server)', () => {
  let gcs: TestGcsServer;
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    gcs = await startGcsServer([BUCKET]);
    t = await startTestApp({
      STORAGE_DRIVER: 'gcs',
      GCS_BUCKET: BUCKET,
      GCS_PROJECT_ID: gcs.projectId,
      GCS_API_ENDPOINT: gcs.endpoint,
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
    await gcs?.close();
  });

  const objects = () => gcs.objects(BUCKET);

  it('reports the bucket in /health', async () => {
    const res = await request(t.url).get('/health').expect(200);
    expect(res.body.storage).toMatchObject({ ok: true });
    expect(t.app.get<StorageDriver>(STORAGE_DRIVER).name).toBe('gcs');
  });

  it('stores uploads as objects, serves them whole, by Range and to HEAD, and deletes them', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(7 * MiB);
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdf, 'big.pdf')
      .attach('files', PNG, 'p.png')
      .expect(201);
    const stored = objects();
    expect(stored).toHaveLength(2);
    expect(stored.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^accounts/${owner.accountId}/chats/${v.chatId}/`)),
      ]),
    );
    expect(stored.map((o) => o.size).sort((a, b) => a - b)).toEqual([PNG.length, pdf.length]);

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
    expect(gcs.requests).toContainEqual(
      expect.stringMatching(/^GET \/storage\/v1\/b\/satchel-test\/o\/.*alt=media.* → 206$/),
    );
    const head = await request(t.url).head(url).expect(200);
    expect(head.headers['content-length']).toBe(String(pdf.length));

    await request(t.url).delete(`/v1/attachments/${res.body[1].id}`).set(owner.auth).expect(204);
    expect(objects()).toEqual([{ name: expect.any(String), size: pdf.length }]);
  });

  it('streams a 64 MiB upload as a resumable session in chunks and serves it back intact', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(64 * MiB);
    const before = objects().length;
    const seen = gcs.requests.length;
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdf, 'huge.pdf')
      .expect(201);
    expect(objects()).toHaveLength(before + 1);
    const upload = gcs.requests.slice(seen);
    expect(upload.filter((r) => /^PUT .*upload_id=.* → 308$/.test(r))).toHaveLength(7);
    expect(upload.filter((r) => /^PUT .*upload_id=.* → 200$/.test(r))).toHaveLength(1);
    const back = await request(t.url).get(pathOf(res.body[0].url)).buffer(true).parse(rawBody).expect(200);
    expect(sha256(back.body)).toBe(sha256(pdf));
  }, 120_000);

  it('leaves no object and no open upload session after a refusal or an abort', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const before = objects();
    const rows = await attachmentRows(t);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdfOfSize(10_000), 'ok.pdf')
      .attach('files', HTML, 'bad.pdf')
      .expect(415);
    expect(objects()).toEqual(before);

    const socket = await startRawUpload(
      t.url,
      `/v1/chats/${v.chatId}/attachments`,
      v.auth.Authorization,
      40 * MiB,
    );
    socket.write(partHeader('files', 'big.pdf', 'application/pdf'));
    socket.write(pdfOfSize(20 * MiB));
    await waitFor(() => gcs.openSessions().some((s) => s.received > 0));
    socket.destroy();
    await waitFor(() => gcs.openSessions().length === 0);
    expect(objects()).toEqual(before);
    expect(await attachmentRows(t)).toBe(rows);
  }, 60_000);

  it('maps a missing object and a range past the end to storage errors', async () => {
    const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
    await expect(driver.read('no/such/object')).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await driver.stat('no/such/object')).toBeNull();
    await driver.write('small/one', Readable.from([Buffer.from('0123456789')]), {
      contentType: 'text/plain',
      size: 10,
    });
    expect(gcs.requests).toContainEqual(expect.stringMatching(/^POST .*uploadType=multipart.* → 200$/));
    expect((await buffer(await driver.read('small/one', { start: 2, end: 4 }))).toString()).toBe('234');
    await expect(driver.read('small/one', { start: 10, end: 20 })).rejects.toBeInstanceOf(StorageRangeError);
    await driver.delete('small/one');
    await driver.delete('small/one');
    expect(await driver.stat('small/one')).toBeNull();
  });

  it('writes a 256 MiB stream without holding it in memory', async () => {
    const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
    const key = 'memory/256mib';
    const growth = await peakRssGrowth(() =>
      driver.write(key, repeatedBody(256 * MiB), { contentType: 'application/octet-stream' }),
    );
    expect(await driver.stat(key)).toEqual({ size: 256 * MiB });
    // Whole-file buffering would add 256 MiB or more; blocks in flight are a few × 8 MiB.
    expect(growth).toBeLessThan(128 * MiB);
    process.stdout.write(`${'gcs'} 256 MiB write: peak RSS +${Math.round(growth / MiB)} MiB\n`);
    await driver.delete(key);
    expect(objects().some((o) => o.name === key)).toBe(false);
  }, 180_000);

  it('reports degraded health when the bucket does not exist', async () => {
    const broken = await startTestApp({
      STORAGE_DRIVER: 'gcs',
      GCS_BUCKET: 'no-such-bucket',
      GCS_PROJECT_ID: gcs.projectId,
      GCS_API_ENDPOINT: gcs.endpoint,
    });
    try {
      const res = await request(broken.url).get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', storage: { ok: false } });
    } finally {
      await broken.close();
    }
  });
});
