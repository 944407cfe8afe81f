import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { prepareRuntime } from '../../src/app/runtime';
import { loadConfig, parseMasterKeys } from '../../src/config/app-config';
import { DataKeysRepository } from '../../src/storage/encryption/data-keys.repository';
import type { EncryptedStorageDriver } from '../../src/storage/encryption/encrypted-storage.driver';
import { encryptExisting, rewrapDataKeys } from '../../src/storage/encryption/encryption-commands';
import { masterKeyRing } from '../../src/storage/encryption/master-keys';
import { STORAGE_DRIVER, type StorageDriver } from '../../src/storage/storage.driver';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from '../support/fixtures';
import { rawBody, setUploadSettings, uploadFile } from '../support/files';
import { startS3Server, type TestS3Server } from '@satchel/testing';
import { filesUnder, markedText } from '../support/stored-bytes';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const MARKER = 'CONFIDENTIAL-7f3a9c';
const SEGMENT = 256 * 1024;

async function prepare(
  t: TestApp,
): Promise<{ owner: Session; visitor: { chatId: string; auth: Record<string, string> } }> {
  const owner = await loginOwner(t);
  await setUploadSettings(t, owner.auth, {
    visitor: { allowedTypes: 'txt|pdf|png' },
    generateThumbnails: false,
  });
  const visitor = await startVisitorChat(t, await widgetKeyOf(t, owner));
  return { owner, visitor };
}

const download = (t: TestApp, id: string, auth: Record<string, string>, range?: string) => {
  const req = request(t.url).get(`/v1/attachments/${id}/content`).set(auth).buffer(true).parse(rawBody);
  return range ? req.set('Range', range) : req;
};

export async function storageKeyOf(t: TestApp, id: string): Promise<string> {
  const [row] = await t.app
    .get(DataSource)
    .query<{ storage_key: string }[]>('SELECT storage_key FROM attachments WHERE id = $1', [id]);
  return row.storage_key;
}

const readAll = async (driver: StorageDriver, key: string) => buffer(await driver.read(key));

describe('encryption at rest', () => {
  describe('on disk', () => {
    let t: TestApp;
    let auth: Record<string, string>;
    let chatId: string;
    const body = markedText(MARKER, 3 * SEGMENT + 1234);

    beforeAll(async () => {
      t = await startTestApp();
      const { visitor } = await prepare(t);
      ({ auth, chatId } = visitor);
    });
    afterAll(() => t.close());

    it('stores no plaintext, and downloads return identical bytes', async () => {
      const a = await uploadFile(t, chatId, auth, 'secret.txt', body);
      const stored = filesUnder(t.config.storage.path);
      expect(stored.length).toBeGreaterThan(0);
      for (const f of stored) expect(f.bytes.includes(MARKER)).toBe(false);
      const res = await download(t, a.id, auth).expect(200);
      expect(Buffer.compare(res.body as Buffer, body)).toBe(0);
    });

    it('answers Range reads with the exact bytes, across segment borders', async () => {
      const a = await uploadFile(t, chatId, auth, 'ranged.txt', body);
      const ranges: [number, number][] = [
        [0, 0],
        [SEGMENT - 10, SEGMENT + 10],
        [SEGMENT, 2 * SEGMENT - 1],
        [10, 3 * SEGMENT + 100],
        [3 * SEGMENT + 1000, body.length - 1],
      ];
      for (const [start, end] of ranges) {
        const res = await download(t, a.id, auth, `bytes=${start}-${end}`).expect(206);
        expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${body.length}`);
        expect(Buffer.compare(res.body as Buffer, body.subarray(start, end + 1))).toBe(0);
      }
      const tail = await download(t, a.id, auth, 'bytes=-5').expect(206);
      expect(Buffer.compare(tail.body as Buffer, body.subarray(body.length - 5))).toBe(0);
    });

    it('refuses to serve an object with one flipped byte or cut short, with an integrity error', async () => {
      const small = Buffer.from(`${MARKER} a short note`);
      const flipped = await uploadFile(t, chatId, auth, 'flip.txt', small);
      const cut = await uploadFile(t, chatId, auth, 'cut.txt', body);
      const pathOf = async (id: string) => join(t.config.storage.path, await storageKeyOf(t, id));
      const flippedPath = await pathOf(flipped.id);
      const bytes = readFileSync(flippedPath);
      bytes[bytes.length - 20] ^= 0x01;
      writeFileSync(flippedPath, bytes);
      const res = await download(t, flipped.id, auth).expect(502);
      expect(JSON.parse((res.body as Buffer).toString())).toMatchObject({ code: 'FILE_INTEGRITY_ERROR' });

      // Cut at a segment border: every remaining segment is intact, but the final one is missing.
      const cutPath = await pathOf(cut.id);
      truncateSync(cutPath, 19 + 2 * (SEGMENT + 16));
      const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
      const key = cutPath.slice(t.config.storage.path.length + 1);
      await expect(readAll(driver, key)).rejects.toThrow(/integrity/);
      // The segment now last was not sealed as the final one: reading it fails, the first still opens.
      await download(t, cut.id, auth, `bytes=${SEGMENT}-${SEGMENT + 10}`).expect(502);
      const first = await download(t, cut.id, auth, 'bytes=0-10').expect(206);
      expect(Buffer.compare(first.body as Buffer, body.subarray(0, 11))).toBe(0);
      await expect(download(t, cut.id, auth)).rejects.toThrow();
    });
  });

  describe('on S3 (s3rver)', () => {
    let s3: TestS3Server;
    let t: TestApp;

    beforeAll(async () => {
      s3 = await startS3Server(['satchel-enc']);
      t = await startTestApp({
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'satchel-enc',
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      });
    });
    afterAll(async () => {
      await t?.close();
      await s3?.close();
    });

    it('stores no plaintext in the bucket and serves identical bytes and ranges', async () => {
      const { visitor } = await prepare(t);
      const body = markedText(MARKER, 2 * SEGMENT + 77);
      const a = await uploadFile(t, visitor.chatId, visitor.auth, 'secret.txt', body);
      const stored = filesUnder(join(s3.directory, 'satchel-enc'));
      expect(stored.length).toBeGreaterThan(0);
      for (const f of stored) expect(f.bytes.includes(MARKER)).toBe(false);
      const res = await download(t, a.id, visitor.auth).expect(200);
      expect(Buffer.compare(res.body as Buffer, body)).toBe(0);
      const part = await download(t, a.id, visitor.auth, `bytes=${SEGMENT - 3}-${SEGMENT + 3}`).expect(206);
      expect(Buffer.compare(part.body as Buffer, body.subarray(SEGMENT - 3, SEGMENT + 4))).toBe(0);
    });
  });

  describe('master keys', () => {
    let db: TestDatabase;
    let storage: string;
    const k1 = `k1:${randomBytes(32).toString('base64')}`;
    const k2 = `k2:${randomBytes(32).toString('base64')}`;
    const start = (keys: string) => startTestApp({ ENCRYPTION_KEYS: keys, STORAGE_PATH: storage }, { db });

    beforeAll(async () => {
      db = await createTestDatabase();
      storage = mkdtempSync(join(tmpdir(), 'satchel-keys-'));
    });
    afterAll(async () => {
      await db.drop();
      rmSync(storage, { recursive: true, force: true });
    });

    it('rotate: old files stay readable, re-wrap moves every data key to the new key, then the old key can go', async () => {
      const first = await start(k1);
      const { visitor } = await prepare(first);
      const old = markedText(MARKER, SEGMENT + 5);
      const a = await uploadFile(first, visitor.chatId, visitor.auth, 'old.txt', old);
      await first.close();

      // A wrong key under a known id, or a key that wrapped stored data left out: the start stops.
      // (prepareRuntime is what `npm start` runs before building the app; main prints the message and exits 1.)
      const boot = (keys: string) =>
        prepareRuntime({ ...first.config, encryption: { keys: parseMasterKeys(keys) } });
      await expect(boot(`k1:${randomBytes(32).toString('base64')}`)).rejects.toThrow(
        /ENCRYPTION_KEYS: master key "k1" is not the key stored files were encrypted with/,
      );
      await expect(boot(k2)).rejects.toThrow(
        /ENCRYPTION_KEYS: stored files are encrypted with master key "k1", which is not configured/,
      );
      await expect(boot(`${k2},${k1}`)).resolves.toBeDefined();

      const rotated = await start(`${k2},${k1}`);
      const b = await uploadFile(
        rotated,
        visitor.chatId,
        visitor.auth,
        'new.txt',
        Buffer.from(`${MARKER} new`),
      );
      expect(
        Buffer.compare((await download(rotated, a.id, visitor.auth).expect(200)).body as Buffer, old),
      ).toBe(0);
      const keys = () =>
        rotated.app
          .get(DataSource)
          .query<{ master_key_id: string }[]>('SELECT master_key_id FROM storage_data_keys ORDER BY 1');
      expect((await keys()).map((r) => r.master_key_id)).toEqual(['k1', 'k2']);
      const objectBefore = readFileSync(join(storage, await storageKeyOf(rotated, a.id)));
      const ring = await masterKeyRing(rotated.config);
      expect(await rewrapDataKeys(ring, new DataKeysRepository(rotated.app.get(DataSource)))).toBe(1);
      expect((await keys()).map((r) => r.master_key_id)).toEqual(['k2', 'k2']);
      // Only the wrapping changed: the object is byte for byte what it was.
      expect(readFileSync(join(storage, await storageKeyOf(rotated, a.id))).equals(objectBefore)).toBe(true);
      await rotated.close();

      const after = await start(k2);
      expect(
        Buffer.compare((await download(after, a.id, visitor.auth).expect(200)).body as Buffer, old),
      ).toBe(0);
      expect((await download(after, b.id, visitor.auth).expect(200)).body.toString()).toBe(`${MARKER} new`);
      await after.close();
    });

    it('is required in production', () => {
      expect(() =>
        loadConfig({ NODE_ENV: 'production', SECRETS_KEY: randomBytes(32).toString('hex') }),
      ).toThrow(/ENCRYPTION_KEYS: required in production/);
      expect(() => loadConfig({ ENCRYPTION_KEYS: 'k1:short' })).toThrow(
        /ENCRYPTION_KEYS: key "k1" must be 32 bytes/,
      );
    });
  });

  describe('per account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('is on by default; switched off, new files are plaintext, and encrypt-existing encrypts them later', async () => {
      const { owner, visitor } = await prepare(t);
      const settings = await request(t.url).get('/v1/settings/trust').set(owner.auth).expect(200);
      expect(settings.body).toMatchObject({ encryptionAtRest: true });
      await request(t.url)
        .put('/v1/settings/trust')
        .set(owner.auth)
        .send({ encryptionAtRest: false })
        .expect(200);
      const body = markedText(MARKER, 1000);
      const a = await uploadFile(t, visitor.chatId, visitor.auth, 'plain.txt', body);
      expect(filesUnder(t.config.storage.path).some((f) => f.bytes.includes(MARKER))).toBe(true);
      expect((await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth)).body.trust).toMatchObject({
        encrypted: false,
      });

      await request(t.url)
        .put('/v1/settings/trust')
        .set(owner.auth)
        .send({ encryptionAtRest: true })
        .expect(200);
      const driver = t.app.get<StorageDriver>(STORAGE_DRIVER) as EncryptedStorageDriver;
      expect(await encryptExisting(driver, t.app.get(DataSource))).toBe(1);
      expect(filesUnder(t.config.storage.path).some((f) => f.bytes.includes(MARKER))).toBe(false);
      expect(Buffer.compare((await download(t, a.id, visitor.auth).expect(200)).body as Buffer, body)).toBe(
        0,
      );
      expect((await request(t.url).get(`/v1/attachments/${a.id}`).set(owner.auth)).body.trust).toMatchObject({
        encrypted: true,
      });
      expect(await encryptExisting(driver, t.app.get(DataSource))).toBe(0);
    });
  });
});
