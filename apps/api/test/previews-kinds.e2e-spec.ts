import { getQueueToken } from '@nestjs/bullmq';
import type { AttachmentDto, AttachmentPreviewInfo } from '@satchel/contracts';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QUEUES } from '../src/jobs/queues';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { pathOf, rawBody, setUploadSettings, uploadFile } from './support/files';
import { solid } from './support/images';
import { heicPhoto, mp4Clip, multiPagePdf } from './support/previewables';
import { waitFor } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-db';

const TYPES = 'png|heic|heif|pdf|mp4|mov|webm';

const readPreview = async (t: TestApp, id: string, auth: Record<string, string>) =>
  ((await request(t.url).get(`/v1/attachments/${id}`).set(auth).expect(200)).body as AttachmentDto).preview;

async function settled(t: TestApp, id: string, auth: Record<string, string>): Promise<AttachmentPreviewInfo> {
  let p: AttachmentPreviewInfo | undefined;
  await waitFor(async () => (p = await readPreview(t, id, auth)).status !== 'pending', 30_000);
  return p as AttachmentPreviewInfo;
}

const rendition = async (t: TestApp, url: string) =>
  sharp(
    (await request(t.url).get(pathOf(url)).buffer(true).parse(rawBody).expect(200)).body as Buffer,
  ).metadata();

describe('previews of HEIC photos, PDFs and videos', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: TYPES },
      operator: { allowedTypes: TYPES },
    });
  });
  afterAll(() => t.close());

  it('makes a viewable upright WebP of an iPhone-style HEIC photo; the original stays downloadable', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const heic = await heicPhoto();
    const a = await uploadFile(t, v.chatId, v.auth, 'IMG_0001.HEIC', heic);
    expect(a.contentType).toBe('image/heic');
    const p = await settled(t, a.id, v.auth);
    expect(p).toMatchObject({ status: 'ready', width: 300, height: 400 });
    expect(p.placeholder).toMatch(/^data:image\/webp;base64,/);
    const large = await rendition(t, p.largeUrl!);
    expect([large.format, large.width, large.height, large.exif]).toEqual(['webp', 300, 400, undefined]);
    const original = await request(t.url).get(pathOf(a.url)).buffer(true).parse(rawBody).expect(200);
    expect(Buffer.compare(original.body as Buffer, heic)).toBe(0);
  });

  it('renders the first page of a 3-page PDF (its script never runs) and stores the page count', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'report.pdf', multiPagePdf(3));
    const p = await settled(t, a.id, v.auth);
    expect(p).toMatchObject({ status: 'ready', pages: 3, width: 612, height: 792 });
    const small = await rendition(t, p.smallUrl!);
    expect([small.format, small.width, small.height]).toEqual(['webp', 198, 256]);
    const large = await rendition(t, p.largeUrl!);
    expect([large.width, large.height]).toEqual([989, 1280]);
  });

  it('makes a poster frame of an MP4 and stores its duration', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'clip.mp4', await mp4Clip());
    expect(a.contentType).toBe('video/mp4');
    const p = await settled(t, a.id, v.auth);
    expect(p).toMatchObject({ status: 'ready', width: 320, height: 240, durationSeconds: 3 });
    const small = await rendition(t, p.smallUrl!);
    expect([small.format, small.width, small.height]).toEqual(['webp', 256, 192]);
  });

  it('fails a corrupt PDF and a fake video with a reason', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = await uploadFile(t, v.chatId, v.auth, 'bad.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
    const mp4 = await mp4Clip();
    const cut = await uploadFile(t, v.chatId, v.auth, 'cut.mp4', mp4.subarray(0, 64));
    expect(await settled(t, pdf.id, v.auth)).toMatchObject({ status: 'failed', reason: expect.any(String) });
    expect(await settled(t, cut.id, v.auth)).toMatchObject({ status: 'failed', reason: expect.any(String) });
    expect((await settled(t, cut.id, v.auth)).reason).not.toContain('/tmp');
    await request(t.url).get('/health').expect(200);
  });

  it('backfills existing files when previews, or one kind of them, are turned on', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await setUploadSettings(t, owner.auth, { generateThumbnails: false });
    const png = await uploadFile(t, v.chatId, v.auth, 'old.png', await solid(640, 320).png().toBuffer());
    const pdf = await uploadFile(t, v.chatId, v.auth, 'old.pdf', multiPagePdf(2));
    expect(await readPreview(t, png.id, v.auth)).toMatchObject({ status: 'unsupported', reason: 'disabled' });

    const on = await setUploadSettings(t, owner.auth, {
      generateThumbnails: true,
      previewKinds: { pdf: false },
    });
    expect(on.body.previewKinds).toEqual({ images: true, heic: true, pdf: false, video: true });
    expect(await settled(t, png.id, v.auth)).toMatchObject({ status: 'ready', width: 640, height: 320 });
    expect(await readPreview(t, pdf.id, v.auth)).toMatchObject({ status: 'unsupported', reason: 'disabled' });

    await setUploadSettings(t, owner.auth, { previewKinds: { pdf: true } });
    expect(await settled(t, pdf.id, v.auth)).toMatchObject({ status: 'ready', pages: 2 });
    await request(t.url)
      .put('/v1/settings/uploads')
      .set(owner.auth)
      .send({ previewKinds: { pdf: 'yes' } })
      .expect(400);
  });
});

describe('preview jobs that keep failing', () => {
  it('retries a transient failure (unreadable stored file) five times, then records it as failed', async () => {
    const db = await createTestDatabase();
    const env = {
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      PREVIEW_RETRY_DELAY_MS: '20',
    };
    const api = await startTestApp({ ...env, RUN_MODE: 'api' }, { db });
    let worker: TestApp | undefined;
    try {
      const { owner, widgetKey } = await accountWithOperator(api);
      const v = await startVisitorChat(api, widgetKey);
      const a = await uploadFile(api, v.chatId, v.auth, 'x.png', await solid(100, 100).png().toBuffer());
      const [{ storage_key: key }] = await api.app
        .get(DataSource)
        .query<{ storage_key: string }[]>(`SELECT storage_key FROM attachments WHERE id = $1`, [a.id]);
      // A directory where the file should be: every read fails (EISDIR) without the file being "missing".
      const path = join(api.config.storage.path, key);
      rmSync(path);
      mkdirSync(path);
      worker = await startTestApp({ ...env, RUN_MODE: 'worker', DATA_DIR: api.dataDir }, { db });
      const p = await settled(api, a.id, owner.auth);
      expect(p).toMatchObject({ status: 'failed', reason: expect.stringMatching(/EISDIR|directory/i) });
      const job = await worker.app.get<Queue>(getQueueToken(QUEUES.previews)).getJob(`preview-${a.id}`);
      expect(job?.attemptsMade).toBe(5);
      await request(api.url).get('/health').expect(200);
    } finally {
      await worker?.close();
      await api.close();
      await db.drop();
    }
  });
});
