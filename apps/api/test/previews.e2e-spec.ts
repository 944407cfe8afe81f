import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { AttachmentDto, AttachmentPreviewInfo } from '@satchel/contracts';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { pathOf, rawBody, setUploadSettings, storedFiles, uploadFile } from './support/files';
import { animatedGif, corruptJpeg, pixelBombPng, rotatedPhotoWithGps, solid } from './support/images';
import { peakRssGrowth } from './support/peak-rss';
import { jobWhere } from './support/queues';
import { zlibBombPng } from './support/previewables';
import { waitFor } from './support/raw-upload';
import { connect, connectionString, nextEvent, type ChatSocket } from './support/socket';
import { QUEUES } from '../src/jobs/queues';
import { loadAwsSdk } from '../src/storage/aws-sdk';
import { s3ClientWith } from '../src/storage/s3-client.factory';
import { startS3Server } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-db';

const TYPES = 'jpg|jpeg|png|gif|webp|avif|pdf|txt';

describe('image previews', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: TYPES },
      operator: { allowedTypes: TYPES },
    });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  const meta = async (id: string, auth: Record<string, string>) =>
    (await request(t.url).get(`/v1/attachments/${id}`).set(auth).expect(200)).body as AttachmentDto;

  /** Polls the attachment until its preview leaves `pending`. */
  async function settled(id: string, auth: Record<string, string>): Promise<AttachmentPreviewInfo> {
    let preview: AttachmentPreviewInfo | undefined;
    await waitFor(async () => {
      preview = (await meta(id, auth)).preview;
      return preview.status !== 'pending';
    }, 20_000);
    return preview as AttachmentPreviewInfo;
  }

  const preview = (id: string, size: 'small' | 'large') =>
    request(t.url).get(`/v1/attachments/${id}/preview`).query({ size }).buffer(true).parse(rawBody);

  /** An answer that is not an image (JSON error body). */
  const refusal = (id: string, auth: Record<string, string>) =>
    request(t.url).get(`/v1/attachments/${id}/preview`).set(auth);

  const downloadAudits = async (attachmentId: string): Promise<number> => {
    const [row] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attachment.download' AND attachment_id = $1`,
        [attachmentId],
      );
    return row.n;
  };

  it('renders an EXIF-rotated photo upright, without EXIF or GPS, and never enlarges', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'photo.jpg', await rotatedPhotoWithGps());
    expect((a as unknown as AttachmentDto).preview.status).toBe('pending');
    const p = await settled(a.id, v.auth);
    expect(p).toMatchObject({ status: 'ready', width: 300, height: 400 });
    expect(p.placeholder).toMatch(/^data:image\/webp;base64,/);

    const small = await preview(a.id, 'small').set(v.auth).expect(200);
    expect(small.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    expect(small.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const m = await sharp(small.body as Buffer).metadata();
    expect(m).toMatchObject({ format: 'webp', width: 192, height: 256 });
    expect(m.exif).toBeUndefined();
    expect(m.orientation).toBeUndefined();
    expect(m.icc).toBeUndefined();

    const large = await preview(a.id, 'large').set(v.auth).expect(200);
    expect(await sharp(large.body as Buffer).metadata()).toMatchObject({ width: 300, height: 400 });
    const tiny = await sharp(Buffer.from(p.placeholder!.split(',')[1], 'base64')).metadata();
    expect(tiny.width).toBeLessThanOrEqual(16);

    await preview(a.id, 'small').set(v.auth).set('If-None-Match', small.headers.etag).expect(304);
  });

  it.each([
    ['big.png', () => solid(2000, 1000).png().toBuffer(), { small: [256, 128], large: [1280, 640] }],
    ['anim.gif', animatedGif, { small: [256, 171], large: [300, 200] }],
    ['pic.webp', () => solid(640, 480).webp().toBuffer(), { small: [256, 192], large: [640, 480] }],
    ['pic.avif', () => solid(500, 500).avif().toBuffer(), { small: [256, 256], large: [500, 500] }],
  ] as const)('makes thumbnails of %s', async (name, make, sizes) => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, operator.auth, name, await make());
    expect((await settled(a.id, operator.auth)).status).toBe('ready');
    for (const size of ['small', 'large'] as const) {
      const res = await preview(a.id, size).set(operator.auth).expect(200);
      const m = await sharp(res.body as Buffer).metadata();
      expect([m.format, m.width, m.height, m.pages ?? 1]).toEqual(['webp', ...sizes[size], 1]);
    }
  });

  it('fails a 60000×60000 PNG bomb, a zlib bomb and a corrupt JPEG with a reason, with flat memory, health staying up', async () => {
    const v = await startVisitorChat(t, widgetKey);
    let bomb: AttachmentPreviewInfo | undefined;
    let zlib: AttachmentPreviewInfo | undefined;
    let corrupt: AttachmentPreviewInfo | undefined;
    const zlibBomb = await zlibBombPng();
    expect(zlibBomb.length).toBeLessThan(1024 * 1024);
    const rise = await peakRssGrowth(async () => {
      const b = await uploadFile(t, v.chatId, v.auth, 'bomb.png', pixelBombPng());
      const z = await uploadFile(t, v.chatId, v.auth, 'zlib.png', zlibBomb);
      const c = await uploadFile(t, v.chatId, v.auth, 'broken.jpg', await corruptJpeg());
      bomb = await settled(b.id, v.auth);
      zlib = await settled(z.id, v.auth);
      corrupt = await settled(c.id, v.auth);
      await request(t.url).get('/health').expect(200);
      await refusal(b.id, v.auth).expect(404, {
        error: 'Preview not found',
        code: 'PREVIEW_UNAVAILABLE',
        status: 'failed',
      });
    });
    expect(bomb).toMatchObject({ status: 'failed', reason: expect.stringMatching(/pixel limit/i) });
    expect(zlib).toMatchObject({ status: 'failed', reason: expect.stringMatching(/pixel limit/i) });
    expect(corrupt).toMatchObject({ status: 'failed', reason: expect.any(String) });
    expect(rise).toBeLessThan(200 * 1024 * 1024);
  });

  it('marks files with no preview unsupported (404 with a code) and everything disabled when the account turns previews off', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = await uploadFile(t, v.chatId, v.auth, 'notes.txt', Buffer.from('just words\n'));
    expect((await meta(pdf.id, v.auth)).preview).toMatchObject({ status: 'unsupported' });
    await refusal(pdf.id, v.auth).expect(404, {
      error: 'Preview not found',
      code: 'PREVIEW_UNAVAILABLE',
      status: 'unsupported',
    });

    await setUploadSettings(t, owner.auth, { generateThumbnails: false });
    try {
      const img = await uploadFile(t, v.chatId, v.auth, 'off.png', await solid(50, 50).png().toBuffer());
      expect((img as unknown as AttachmentDto).preview).toMatchObject({
        status: 'unsupported',
        reason: 'disabled',
      });
      expect((await meta(img.id, v.auth)).preview).toMatchObject({
        status: 'unsupported',
        reason: 'disabled',
      });
    } finally {
      await setUploadSettings(t, owner.auth, { generateThumbnails: true });
    }
  });

  it('applies the content access rules and writes no download audit rows', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const other = await startVisitorChat(t, widgetKey);
    const tenant = await createTenant(t, owner);
    const a = await uploadFile(t, v.chatId, v.auth, 'p.png', await solid(300, 300).png().toBuffer());
    const p = await settled(a.id, v.auth);

    await preview(a.id, 'small').expect(401);
    await preview(a.id, 'small').set(other.auth).expect(404);
    await preview(a.id, 'small').set(tenant.admin.auth).expect(404);
    await preview(a.id, 'large').set(owner.auth).expect(200);
    await preview(a.id, 'huge' as 'small')
      .set(owner.auth)
      .expect(400);

    expect(p.smallUrl).toContain(`/v1/attachments/${a.id}/preview?size=small&sig=`);
    const signed = await request(t.url).get(pathOf(p.smallUrl!)).buffer(true).parse(rawBody).expect(200);
    expect((await sharp(signed.body as Buffer).metadata()).width).toBe(256);
    await request(t.url).get(pathOf(p.largeUrl!)).expect(200);
    expect(await downloadAudits(a.id)).toBe(0);
    const tampered = pathOf(p.smallUrl!).replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    await request(t.url).get(tampered).expect(403);
    // Another attachment's signature does not open this one's preview.
    const b = await uploadFile(t, v.chatId, v.auth, 'q.png', await solid(20, 20).png().toBuffer());
    const sigOfB = new URL(b.url).searchParams.get('sig')!;
    await request(t.url).get(`/v1/attachments/${a.id}/preview?size=small&sig=${sigOfB}`).expect(403);
  });

  it('announces attachment:previewed to the chat and to account-wide operator sockets', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const join = async (auth: { Authorization: string }) => {
      const c = await connect(t.url, {
        chatId: v.chatId,
        connectionString: await connectionString(t.url, v.chatId, auth),
      });
      sockets.push(c.socket);
      return c.socket;
    };
    const inboxRes = await request(t.url).post('/v1/realtime/connection').set(operator.auth).expect(200);
    const inbox = (await connect(t.url, { connectionString: inboxRes.body.connectionString })).socket;
    sockets.push(inbox);
    const visitor = await join(v.auth);
    const seenByVisitor = nextEvent(visitor, 'attachment:previewed', 20_000);
    const seenByInbox = nextEvent(inbox, 'attachment:previewed', 20_000);
    const a = await uploadFile(t, v.chatId, v.auth, 'live.png', await solid(600, 300).png().toBuffer());
    for (const e of await Promise.all([seenByVisitor, seenByInbox])) {
      expect(e).toMatchObject({
        chatId: v.chatId,
        attachmentId: a.id,
        preview: { status: 'ready', width: 600, height: 300 },
      });
      await request(t.url).get(pathOf(e.preview.smallUrl!)).expect(200);
    }
  });

  it('deletes the renditions with the attachment', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const a = await uploadFile(t, v.chatId, v.auth, 'gone.png', await solid(400, 400).png().toBuffer());
    await settled(a.id, v.auth);
    const key = (
      await t.app.get(DataSource).query(`SELECT storage_key FROM attachments WHERE id = $1`, [a.id])
    )[0].storage_key as string;
    const mine = () => storedFiles(t).filter((f) => f.startsWith(key));
    expect(mine()).toHaveLength(3);
    await request(t.url).delete(`/v1/attachments/${a.id}`).set(owner.auth).expect(204);
    await waitFor(() => mine().length === 0);
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT 1 FROM attachment_previews WHERE attachment_id = $1`, [a.id]);
    expect(rows).toHaveLength(0);
  });
});

describe('image previews across processes and storage drivers', () => {
  it('renders a job queued by an API-only process once a worker starts (the job survives in Redis)', async () => {
    const db = await createTestDatabase();
    const QUEUE_PREFIX = `t${randomBytes(5).toString('hex')}`;
    const SECRETS_KEY = randomBytes(32).toString('hex');
    const api = await startTestApp({ RUN_MODE: 'api', QUEUE_PREFIX, SECRETS_KEY }, { db });
    let worker: TestApp | undefined;
    try {
      const { owner, widgetKey } = await accountWithOperator(api);
      const v = await startVisitorChat(api, widgetKey);
      const a = await uploadFile(api, v.chatId, v.auth, 'later.png', await solid(500, 250).png().toBuffer());
      // Queued, and nobody takes it: this process runs no worker.
      await jobWhere(api.app, QUEUES.previews, `preview-${a.id}`, (_, state) => state === 'waiting');
      const read = async () =>
        (await request(api.url).get(`/v1/attachments/${a.id}`).set(owner.auth).expect(200))
          .body as AttachmentDto;
      expect((await read()).preview.status).toBe('pending');
      worker = await startTestApp(
        { RUN_MODE: 'worker', QUEUE_PREFIX, SECRETS_KEY, DATA_DIR: api.dataDir },
        { db },
      );
      await waitFor(async () => (await read()).preview.status === 'ready', 20_000);
      expect((await read()).preview).toMatchObject({ width: 500, height: 250 });
    } finally {
      await worker?.close();
      await api.close();
      await db.drop();
    }
  });

  it('stores, serves and deletes renditions on S3 (s3rver)', async () => {
    const s3 = await startS3Server(['satchel-previews']);
    const client = s3ClientWith(await loadAwsSdk(), s3);
    const t = await startTestApp({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'satchel-previews',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    const keys = async () =>
      ((await client.send(new ListObjectsV2Command({ Bucket: 'satchel-previews' }))).Contents ?? []).map(
        (o) => o.Key as string,
      );
    try {
      const { owner, widgetKey } = await accountWithOperator(t);
      const v = await startVisitorChat(t, widgetKey);
      const a = await uploadFile(t, v.chatId, v.auth, 's3.jpg', await rotatedPhotoWithGps());
      let p: AttachmentPreviewInfo | undefined;
      await waitFor(async () => {
        p = ((await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth)).body as AttachmentDto)
          .preview;
        return p.status !== 'pending';
      }, 20_000);
      expect(p).toMatchObject({ status: 'ready', width: 300, height: 400 });
      expect(await keys()).toHaveLength(3);
      const small = await request(t.url).get(pathOf(p!.smallUrl!)).buffer(true).parse(rawBody).expect(200);
      const m = await sharp(small.body as Buffer).metadata();
      expect([m.width, m.height, m.exif]).toEqual([192, 256, undefined]);
      await request(t.url).delete(`/v1/attachments/${a.id}`).set(owner.auth).expect(204);
      await waitFor(async () => (await keys()).length === 0);
    } finally {
      await t.close();
      client.destroy();
      await s3.close();
    }
  });
});
