import type { AttachmentDto, MessageDto } from '@satchel/contracts';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadAwsSdk } from '../src/storage/aws-sdk';
import { s3ClientWith } from '../src/storage/s3-client.factory';
import { verifyWebhook } from '../src/integrations/callbacks/webhook-signature';
import { startCallbackReceiver, type CallbackReceiver } from './support/callback-receiver';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { setUploadSettings, storedFiles, pdfOfSize } from './support/files';
import { solid } from './support/images';
import {
  keysOf,
  pastOneDay,
  previewReady,
  removalAudits,
  sendFiles,
  setRetention,
  sweepNow,
} from './support/retention';
import { startS3Server, waitFor, type TestS3Server } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

const RETENTION = {
  RETENTION_DAY_SECONDS: '1',
  OUTBOUND_ALLOW: '127.0.0.1',
  CALLBACK_RETRY_SCHEDULE: '50ms',
};
const TYPES = { allowedTypes: 'png|pdf' };

async function pngOf(w: number, h: number): Promise<Buffer> {
  return solid(w, h).png().toBuffer();
}

describe('retention: expired files leave storage and the chat keeps a tombstone', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    t = await startTestApp(RETENTION);
    ({ owner, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { visitor: TYPES, operator: TYPES });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('is off by default: GET shows keep-forever and a sweep removes nothing', async () => {
    const res = await request(t.url).get('/v1/settings/retention').set(owner.auth).expect(200);
    expect(res.body).toMatchObject({ days: null, legalHold: false, maxDays: null });
    expect((await sweepNow(t, owner)).expired).toBe(0);
  });

  it('removes the file and its previews from disk, answers 410 and keeps the stub; a held chat keeps its files', async () => {
    const secret = (
      await request(t.url)
        .put('/v1/settings/callback')
        .set(owner.auth)
        .send({ eventsEnabled: true, eventsUrl: receiver.url, eventTypes: ['attachment.expired'] })
        .expect(200)
    ).body.secret as string;
    const visitor = await startVisitorChat(t, widgetKey);
    const held = await startVisitorChat(t, widgetKey, 'Hal Held');
    const [photo] = await sendFiles(t, visitor.chatId, visitor.auth, [
      { name: 'photo.png', body: await pngOf(600, 400) },
    ]);
    const [kept] = await sendFiles(t, held.chatId, held.auth, [{ name: 'kept.pdf', body: pdfOfSize(2048) }]);
    await previewReady(t, photo.id, owner.auth);
    const keys = await keysOf(t, photo.id);
    expect(keys.renditions).toHaveLength(2);
    expect(storedFiles(t)).toEqual(expect.arrayContaining([keys.file, ...keys.renditions]));

    await request(t.url)
      .put(`/v1/retention/chats/${held.chatId}/hold`)
      .set(owner.auth)
      .send({ hold: true })
      .expect(204);
    await setRetention(t, owner, { days: 1 });
    await pastOneDay();
    const dry = await request(t.url)
      .post('/v1/settings/retention/dry-run')
      .set(owner.auth)
      .send({ days: 1 })
      .expect(200);
    expect(dry.body.files).toBe(1);

    expect(await sweepNow(t, owner)).toMatchObject({ expired: 1, ran: true });

    const left = storedFiles(t);
    for (const k of [keys.file, ...keys.renditions]) expect(left).not.toContain(k);
    const [previewRows] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM attachment_previews WHERE attachment_id = $1`, [photo.id]);
    expect(previewRows.n).toBe(0);

    const gone = await request(t.url).get(`/v1/attachments/${photo.id}`).set(owner.auth).expect(410);
    expect(gone.body).toMatchObject({ code: 'FILE_EXPIRED', expiredAt: expect.any(String) });
    expect(gone.body.error).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    await request(t.url).get(`/v1/attachments/${photo.id}/content`).set(visitor.auth).expect(410);

    const messages = await request(t.url)
      .get(`/v1/chats/${visitor.chatId}/messages`)
      .set(owner.auth)
      .expect(200);
    const items = (messages.body.items ?? messages.body) as MessageDto[];
    const stub = items.flatMap((m) => m.attachments).find((a: AttachmentDto) => a.id === photo.id);
    expect(stub).toMatchObject({ name: 'photo.png', expiredAt: gone.body.expiredAt });

    await request(t.url).get(`/v1/attachments/${kept.id}/content`).set(held.auth).expect(200);
    expect(storedFiles(t)).toContain((await keysOf(t, kept.id)).file);

    expect(await removalAudits(t)).toEqual([{ attachment_id: photo.id, reason: 'retention' }]);
    const [event] = await receiver.waitFor(1);
    expect(event.json).toMatchObject({
      type: 'attachment.expired',
      data: { attachmentId: photo.id, chatId: visitor.chatId, name: 'photo.png', reason: 'retention' },
    });
    expect(verifyWebhook(secret, event.headers as never, event.raw)).toBe(true);

    // Released from hold, the chat's file goes on the next sweep.
    await request(t.url)
      .put(`/v1/retention/chats/${held.chatId}/hold`)
      .set(owner.auth)
      .send({ hold: false })
      .expect(204);
    expect((await sweepNow(t, owner)).expired).toBe(1);
    await request(t.url).get(`/v1/attachments/${kept.id}`).set(owner.auth).expect(410);
  });

  it('the scheduled job sweeps every RETENTION_SWEEP_INTERVAL', async () => {
    const fast = await startTestApp({ ...RETENTION, RETENTION_SWEEP_INTERVAL: '1s' });
    try {
      const { owner: o, widgetKey: key } = await accountWithOperator(fast);
      await setUploadSettings(fast, o.auth, { visitor: TYPES });
      const v = await startVisitorChat(fast, key);
      const [file] = await sendFiles(fast, v.chatId, v.auth, [{ name: 'a.pdf', body: pdfOfSize(1024) }]);
      await setRetention(fast, o, { days: 1 });
      const gone = await waitFor(
        'the scheduled sweep to expire the file',
        async () => {
          const { status } = await request(fast.url).get(`/v1/attachments/${file.id}`).set(o.auth);
          return status === 410 ? status : undefined;
        },
        20_000,
        250,
      );
      expect(gone).toBe(410);
    } finally {
      await fast.close();
    }
  });
});

describe('retention on S3 (s3rver)', () => {
  let s3: TestS3Server;
  beforeAll(async () => (s3 = await startS3Server(['satchel-retention'])));
  afterAll(() => s3.close());

  it('removes the object and its renditions from the bucket', async () => {
    const t = await startTestApp({
      ...RETENTION,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'satchel-retention',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    const client = s3ClientWith(await loadAwsSdk(), s3);
    const bucketKeys = async () =>
      ((await client.send(new ListObjectsV2Command({ Bucket: 'satchel-retention' }))).Contents ?? []).map(
        (o) => o.Key,
      );
    try {
      const { owner, widgetKey } = await accountWithOperator(t);
      await setUploadSettings(t, owner.auth, { visitor: TYPES });
      const v = await startVisitorChat(t, widgetKey);
      const [photo] = await sendFiles(t, v.chatId, v.auth, [{ name: 's3.png', body: await pngOf(500, 300) }]);
      await previewReady(t, photo.id, owner.auth);
      const keys = await keysOf(t, photo.id);
      expect(await bucketKeys()).toEqual(expect.arrayContaining([keys.file, ...keys.renditions]));
      await setRetention(t, owner, { days: 1 });
      await pastOneDay();
      expect((await sweepNow(t, owner)).expired).toBe(1);
      const left = await bucketKeys();
      for (const k of [keys.file, ...keys.renditions]) expect(left).not.toContain(k);
      await request(t.url).get(`/v1/attachments/${photo.id}`).set(owner.auth).expect(410);
    } finally {
      client.destroy();
      await t.close();
    }
  });
});
