import type { AttachmentDto, ChatFilesResponse } from '@satchel/contracts';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eicar, startClamd, type TestClamd, unzip } from '@satchel/testing';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { pdfOfSize, rawBody, setUploadSettings, uploadFile } from './support/files';
import { solid } from './support/images';
import { sendFiles } from './support/retention';
import { AttachmentsRepository } from '../src/attachments/attachments.repository';
import { STORAGE_DRIVER, type StorageDriver } from '../src/storage/storage.driver';
import { peakRssGrowth, repeatedBody } from './support/peak-rss';
import { startTestApp, type TestApp } from './support/test-app';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

/** A supertest parser that only counts the body's bytes (never holds it). */
function countBytes(res: request.Response, cb: (err: Error | null, body: number) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  let n = 0;
  stream.on('data', (c: Buffer) => (n += c.length));
  stream.on('end', () => cb(null, n));
}

describe("a chat's files: the list and download-all as a zip", () => {
  let clamd: TestClamd;
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let chat: { chatId: string; auth: Record<string, string> };
  let sent: AttachmentDto[];
  const originals = new Map<string, Buffer>();

  beforeAll(async () => {
    clamd = await startClamd();
    t = await startTestApp({ CLAMAV_URL: clamd.url, RATE_LIMIT_CHAT_ARCHIVE_USER: '4/60' });
    let widgetKey: string;
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png|pdf|txt' } });
    chat = await startVisitorChat(t, widgetKey, 'Zara Zipper');
    const photo = await solid(300, 200).png().toBuffer();
    const photo2 = await solid(120, 90).png().toBuffer();
    // Several 256 KiB encryption segments, so the zip streams a file through decryption in parts.
    const contract = pdfOfSize(1_500_000);
    const notes = Buffer.from(randomBytes(40_000).toString('base64'));
    sent = await sendFiles(t, chat.chatId, chat.auth, [
      { name: 'photo.png', body: photo },
      { name: 'contract.pdf', body: contract },
      { name: 'notes.txt', body: notes },
    ]);
    // The same name again, later: both are kept, the zip numbers the second.
    sent.push(...(await sendFiles(t, chat.chatId, chat.auth, [{ name: 'photo.png', body: photo2 }])));
    [photo, contract, notes, photo2].forEach((b, i) => originals.set(sent[i].id, b));
    await uploadFile(t, chat.chatId, chat.auth, 'eicar.txt', eicar());
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  const widgetKeyOfOwner = async () =>
    (await request(t.url).get('/v1/account').set(owner.auth).expect(200)).body.widgetKey as string;

  const zipOf = (auth: Record<string, string>) =>
    request(t.url).get(`/v1/chats/${chat.chatId}/attachments.zip`).set(auth).buffer(true).parse(rawBody);

  it('lists every file of the chat, oldest first, the quarantined one marked', async () => {
    const res = await request(t.url)
      .get(`/v1/chats/${chat.chatId}/attachments`)
      .set(operator.auth)
      .expect(200);
    const body = res.body as ChatFilesResponse;
    expect(body.items.map((a) => a.name)).toEqual([
      'photo.png',
      'contract.pdf',
      'notes.txt',
      'photo.png',
      'eicar.txt',
    ]);
    expect(body.items[0].uploadedBy).toMatchObject({ role: 'visitor', name: 'Zara Zipper' });
    expect(body.items.every((a) => a.trust?.encrypted)).toBe(true);
    expect(body.items[4].trust).toMatchObject({ scan: 'infected' });
    const bytes = [...originals.values()].reduce((n, b) => n + b.length, 0);
    expect(body.archive).toEqual({ files: 4, bytes });
    expect(body.truncated).toBe(false);
  });

  it('streams a zip whose entries have the bytes of the originals, leaves out the quarantined file, and audits it', async () => {
    const res = await zipOf(operator.auth).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Zara Zipper files.zip"');
    expect(res.headers['content-length']).toBeUndefined();
    const entries = await unzip(res.body as Buffer);
    expect([...entries.keys()]).toEqual(['photo.png', 'contract.pdf', 'notes.txt', 'photo (2).png']);
    const expected = [...originals.values()];
    [...entries.values()].forEach((bytes, i) => expect(sha(bytes)).toBe(sha(expected[i])));
    expect(sha(entries.get('contract.pdf')!)).toBe(sent[1].sha256);

    const [event] = await t.app
      .get(DataSource)
      .query(
        `SELECT actor_id, chat_id, details FROM audit_events WHERE action = 'chat-files.download' ORDER BY created_at DESC LIMIT 1`,
      );
    expect(event).toMatchObject({
      actor_id: operator.userId,
      chat_id: chat.chatId,
      details: { files: 4, bytes: expected.reduce((n, b) => n + b.length, 0) },
    });
  });

  it("is for the account's staff only: another account, the visitor and strangers get nothing", async () => {
    const other = await createTenant(t, owner);
    await request(t.url).get(`/v1/chats/${chat.chatId}/attachments`).set(other.admin.auth).expect(404);
    await zipOf(other.admin.auth).expect(404);
    // Staff routes do not exist for visitors.
    await request(t.url).get(`/v1/chats/${chat.chatId}/attachments`).set(chat.auth).expect(404);
    await zipOf(chat.auth).expect(404);
    await request(t.url).get(`/v1/chats/${chat.chatId}/attachments.zip`).expect(401);
    await request(t.url).get(`/v1/chats/not-a-uuid/attachments.zip`).set(other.admin.auth).expect(400);
  });

  it('streams a 128 MiB file encrypted at rest through the zip without holding it in memory', async () => {
    const big = await startVisitorChat(t, await widgetKeyOfOwner(), 'Bea Bigfile');
    const key = `memory/${big.chatId}/big.mp4`;
    await t.app
      .get<StorageDriver>(STORAGE_DRIVER)
      .write(key, repeatedBody(128 * MiB), { contentType: 'video/mp4', encrypt: true });
    // The row as an upload would record it (a 128 MiB upload is not what this test is about).
    await t.app.get(AttachmentsRepository).insertMany([
      {
        accountId: owner.accountId,
        chatId: big.chatId,
        name: 'big.mp4',
        extension: 'mp4',
        size: 128 * MiB,
        contentType: 'video/mp4',
        sha256: 'not-checked',
        storageDriver: 'disk',
        storageKey: key,
        source: 'upload',
        sourceUrl: null,
        uploadedByRole: 'visitor',
        uploadedById: null,
        uploadedByName: 'Bea Bigfile',
        idempotencyKey: null,
        idempotencyIndex: null,
        endUserId: null,
        channel: null,
        encrypted: true,
        scanStatus: null,
        scanSignature: null,
        scannedAt: null,
        activeContent: null,
      },
    ]);
    let size = 0;
    const growth = await peakRssGrowth(async () => {
      const res = await request(t.url)
        .get(`/v1/chats/${big.chatId}/attachments.zip`)
        .set(operator.auth)
        .buffer(true)
        .parse(countBytes)
        .expect(200);
      size = res.body as number;
    });
    expect(size).toBeGreaterThan(128 * MiB);
    expect(size).toBeLessThan(128 * MiB + 4096);
    // Holding the file would add 128 MiB or more; what is in flight is a few 256 KiB segments and socket buffers.
    expect(growth).toBeLessThan(64 * MiB);
    process.stdout.write(`128 MiB chat zip: peak RSS +${Math.round(growth / MiB)} MiB\n`);
  }, 180_000);

  it('is rate limited per user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await zipOf(owner.auth)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    // Another user keeps their own allowance (the operator used two of four above).
    await zipOf(operator.auth).expect(200);
  });
});
