import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import request from 'supertest';
import { loadAwsSdk } from '../src/storage/aws-sdk';
import { s3ClientWith } from '../src/storage/s3-client.factory';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { attachmentRows, HTML, pathOf, pdfOfSize, PNG, setUploadSettings } from './support/files';
import { partHeader, startRawUpload, waitFor } from './support/raw-upload';
import { startS3Server, type TestS3Server } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

const BUCKET = 'satchel-test';

describe('attachments on S3 storage (s3rver)', () => {
  let s3: TestS3Server;
  let client: S3Client;
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    client = s3ClientWith(await loadAwsSdk(), s3);
    t = await startTestApp({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
    // These tests count stored objects: no preview renditions appearing in the background.
    await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 20 * 1024 }, generateThumbnails: false });
  });
  afterAll(async () => {
    await t.close();
    client.destroy();
    await s3.close();
  });

  const keys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? [])
      .map((o) => o.Key as string)
      .sort();

  it('stores uploads as objects and serves them back with Range', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(7 * 1024 * 1024);
    const res = await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdf, 'big.pdf')
      .attach('files', PNG, 'p.png')
      .expect(201);
    expect(await keys()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^accounts/${owner.accountId}/chats/${v.chatId}/`)),
      ]),
    );
    expect(await keys()).toHaveLength(2);
    const part = await request(t.url)
      .get(pathOf(res.body[0].url))
      .set('Range', 'bytes=6000000-6000009')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(206);
    expect(Buffer.compare(part.body, pdf.subarray(6_000_000, 6_000_010))).toBe(0);
    await request(t.url).delete(`/v1/attachments/${res.body[1].id}`).set(owner.auth).expect(204);
    expect(await keys()).toHaveLength(1);
  });

  it('seed 001 with session_id after the file lands under chat/session-{id}/', async () => {
    await request(t.url)
      .post('/v1/chat/upload/')
      .set('Authorization', `Token ${owner.token}`)
      .attach('file', PNG, 'a.png')
      .field('session_id', '77')
      .expect(200);
    expect((await keys()).filter((k) => k.startsWith('chat/session-77/'))).toHaveLength(1);
  });

  it('leaves no object and no pending multipart upload after a refusal or an abort', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const before = await keys();
    const rows = await attachmentRows(t);
    await request(t.url)
      .post(`/v1/chats/${v.chatId}/attachments`)
      .set(v.auth)
      .attach('files', pdfOfSize(10_000), 'ok.pdf')
      .attach('files', HTML, 'bad.pdf')
      .expect(415);
    const socket = await startRawUpload(
      t.url,
      `/v1/chats/${v.chatId}/attachments`,
      v.auth.Authorization,
      19 * 1024 * 1024,
    );
    socket.write(partHeader('files', 'big.pdf', 'application/pdf'));
    socket.write(pdfOfSize(12 * 1024 * 1024));
    await waitFor(() => s3.pendingUploads(BUCKET).length > 0);
    socket.destroy();
    await waitFor(() => s3.pendingUploads(BUCKET).length === 0);
    expect(await keys()).toEqual(before);
    expect(await attachmentRows(t)).toBe(rows);
  });
});
