import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { DeliveryDto } from '@satchel/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadAwsSdk } from '../src/storage/aws-sdk';
import { s3ClientWith } from '../src/storage/s3-client.factory';
import { eventually } from './support/callback-receiver';
import { createOperator, loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { pdfOfSize, uploadFile } from './support/files';
import { captureLogs } from './support/integrations';
import { startS3Server, waitForQueuesIdle, type TestS3Server } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

const BUCKET = 'customer-bucket';
const FOLDER = 'satchel/exports';

describe('S3 export (seed 002 "Uploading files on AWS")', () => {
  let s3: TestS3Server;
  let t: TestApp;
  let owner: Session;
  let chat: { chatId: string; auth: { Authorization: string } };
  let logs: ReturnType<typeof captureLogs>;
  let settings: Record<string, string>;

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    logs = captureLogs();
    t = await startTestApp({
      OUTBOUND_ALLOW: '127.0.0.1',
      EXPORT_RETRY_SCHEDULE: '50ms,100ms',
      LOG_LEVEL: 'debug',
    });
    owner = await loginOwner(t);
    chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
    settings = {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region: s3.region,
      bucket: BUCKET,
      folder: `/${FOLDER}/`,
      endpoint: s3.endpoint,
    };
  });
  afterAll(async () => {
    logs?.stop();
    await t?.close();
    await s3?.close();
  });

  const readObject = async (key: string): Promise<Buffer> => {
    const client = s3ClientWith(await loadAwsSdk(), { ...s3, forcePathStyle: true });
    const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const bytes = Buffer.from(await res.Body!.transformToByteArray());
    client.destroy();
    return bytes;
  };
  const exportOf = (attachmentId: string, status: 'exported' | 'failed') =>
    eventually(
      async () => {
        const res = await request(t.url).get(`/v1/attachments/${attachmentId}`).set(owner.auth).expect(200);
        return (
          res.body.export?.status === status &&
          (res.body.export as { key: string | null; error: string | null })
        );
      },
      15000,
      `export ${status}`,
    );

  it('keeps the keys encrypted at rest and only ever returns their last 4 characters', async () => {
    const put = await request(t.url)
      .put('/v1/settings/s3-export')
      .set(owner.auth)
      .send({ ...settings, disabled: false })
      .expect(200);
    expect(put.body).toEqual({
      disabled: false,
      configured: true,
      accessKeyIdLast4: 'RVER',
      secretAccessKeyLast4: 'RVER',
      region: 'us-east-1',
      bucket: BUCKET,
      folder: FOLDER,
      endpoint: s3.endpoint,
      updatedAt: expect.any(String),
    });
    const get = await request(t.url).get('/v1/settings/s3-export').set(owner.auth).expect(200);
    expect(JSON.stringify(get.body)).not.toContain('S3RVER');
    const [row] = await t.app.get(DataSource).query('SELECT * FROM s3_export_settings');
    expect(JSON.stringify(row)).not.toContain('S3RVER');
    expect(row.secret_access_key_sealed).toMatch(/^v1\./);
    await request(t.url).put('/v1/settings/s3-export').set(owner.auth).send({ folder: 'a/../b' }).expect(400);
    const operator = await createOperator(t, owner);
    await request(t.url).get('/v1/settings/s3-export').set(operator.auth).expect(403);
  });

  it('test writes and deletes a probe object, and names the problem when it cannot', async () => {
    const ok = await request(t.url).post('/v1/settings/s3-export/test').set(owner.auth).send({}).expect(200);
    expect(ok.body).toMatchObject({
      ok: true,
      key: expect.stringMatching(/^satchel\/exports\/\.satchel-probe-/),
    });
    const client = s3ClientWith(await loadAwsSdk(), { ...s3, forcePathStyle: true });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    client.destroy();
    expect(listed.KeyCount ?? 0).toBe(0);

    // s3rver checks the access key id but does not verify SigV4 signatures, so a wrong secret alone
    // cannot be shown here (SignatureDoesNotMatch is mapped in s3-errors.spec.ts).
    const cases: [Record<string, string>, string, string][] = [
      [
        { accessKeyId: 'AKIAWRONGWRONG', secretAccessKey: 'not-the-secret-1234' },
        'bad_credentials',
        'access key ID',
      ],
      [{ bucket: 'no-such-bucket' }, 'missing_bucket', '"no-such-bucket" does not exist'],
      [{ endpoint: 'http://127.0.0.1:1' }, 'unreachable', 'unreachable'],
      [{ endpoint: 'http://127.0.0.2:9000' }, 'blocked', 'outbound policy'],
    ];
    for (const [override, reason, text] of cases) {
      const res = await request(t.url)
        .post('/v1/settings/s3-export/test')
        .set(owner.auth)
        .send(override)
        .expect(200);
      expect({ override, ...res.body }).toMatchObject({
        ok: false,
        reason,
        message: expect.stringContaining(text),
      });
    }
  });

  it('streams every upload to <folder>/<chatId>/<fileName> with identical bytes, numbering repeated names', async () => {
    const operator = await createOperator(t, owner);
    const first = pdfOfSize(30_000);
    const second = pdfOfSize(12_000);
    const a = await uploadFile(t, chat.chatId, chat.auth, 'contract.pdf', first);
    const b = await uploadFile(t, chat.chatId, operator.auth, 'contract.pdf', second);
    const ea = await exportOf(a.id, 'exported');
    const eb = await exportOf(b.id, 'exported');
    expect([ea.key, eb.key].sort()).toEqual([
      `${FOLDER}/${chat.chatId}/contract (1).pdf`,
      `${FOLDER}/${chat.chatId}/contract.pdf`,
    ]);
    expect((await readObject(ea.key!)).equals(first)).toBe(true);
    expect((await readObject(eb.key!)).equals(second)).toBe(true);
    const log = await request(t.url)
      .get('/v1/deliveries')
      .query({ kind: 'export', attachmentId: a.id })
      .set(owner.auth)
      .expect(200);
    expect(log.body.items[0]).toMatchObject({
      status: 'exported',
      exportKey: ea.key,
      target: `s3://${BUCKET}/${ea.key}`,
      attempts: 1,
    });
  });

  it('switched off, nothing is exported; a failing export is visible; the backlog call catches up', async () => {
    await request(t.url).put('/v1/settings/s3-export').set(owner.auth).send({ disabled: true }).expect(200);
    const missed = await uploadFile(t, chat.chatId, chat.auth, 'missed.pdf', pdfOfSize());
    // Every job the upload started (preview, text, deliveries) has run.
    await waitForQueuesIdle(t.url);
    const shown = await request(t.url).get(`/v1/attachments/${missed.id}`).set(owner.auth).expect(200);
    expect(shown.body.export).toBeUndefined();
    await request(t.url).post('/v1/settings/s3-export/backlog').set(owner.auth).expect(409);

    await request(t.url)
      .put('/v1/settings/s3-export')
      .set(owner.auth)
      .send({ disabled: false, bucket: 'gone-bucket' })
      .expect(200);
    const doomed = await uploadFile(t, chat.chatId, chat.auth, 'doomed.pdf', pdfOfSize());
    expect((await exportOf(doomed.id, 'failed')).error).toContain('"gone-bucket" does not exist');
    const [failed] = (
      await request(t.url)
        .get('/v1/deliveries')
        .query({ kind: 'export', attachmentId: doomed.id })
        .set(owner.auth)
    ).body.items as DeliveryDto[];
    expect(failed.attemptsLog).toHaveLength(3);

    await request(t.url).put('/v1/settings/s3-export').set(owner.auth).send({ bucket: BUCKET }).expect(200);
    const backlog = await request(t.url).post('/v1/settings/s3-export/backlog').set(owner.auth).expect(202);
    expect(backlog.body).toEqual({ enqueued: 2 });
    expect((await exportOf(missed.id, 'exported')).key).toBe(`${FOLDER}/${chat.chatId}/missed.pdf`);
    expect((await exportOf(doomed.id, 'exported')).key).toBe(`${FOLDER}/${chat.chatId}/doomed.pdf`);
  });

  it('never logs the keys', () => {
    expect(logs.text()).not.toContain('S3RVER');
    expect(logs.text()).not.toContain('not-the-secret-1234');
  });
});
