import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import request from 'supertest';
import { STORAGE_DRIVER, type StorageDriver } from '../src/storage/storage.driver';
import { startS3Server, type TestS3Server } from '@satchel/testing';
import { startTestApp, type TestApp } from './support/test-app';

async function roundTrip(driver: StorageDriver, key: string): Promise<string> {
  await driver.write(key, Readable.from([Buffer.from('hello storage')]), { contentType: 'text/plain' });
  return (await buffer(await driver.read(key))).toString();
}

describe('storage driver selection', () => {
  it('defaults to disk under DATA_DIR/files', async () => {
    const t = await startTestApp();
    try {
      await request(t.url).get('/health').expect(200);
      const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
      expect(driver.name).toBe('disk');
      expect(await roundTrip(driver, 'ab/cd/e2e')).toBe('hello storage');
      expect(existsSync(join(t.dataDir, 'files/ab/cd/e2e'))).toBe(true);
    } finally {
      await t.close();
    }
  });

  describe('with STORAGE_DRIVER=s3', () => {
    let s3: TestS3Server;
    let t: TestApp;

    beforeAll(async () => {
      s3 = await startS3Server(['satchel-e2e']);
      t = await startTestApp({
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'satchel-e2e',
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: s3.region,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      });
    });
    afterAll(async () => {
      await t?.close();
      await s3?.close();
    });

    it('boots healthy and stores objects in the bucket', async () => {
      await request(t.url).get('/health').expect(200);
      const driver = t.app.get<StorageDriver>(STORAGE_DRIVER);
      expect(driver.name).toBe('s3');
      expect(await roundTrip(driver, 'ab/cd/e2e')).toBe('hello storage');
      expect(s3.requests).toContain('PUT /satchel-e2e/ab/cd/e2e?x-id=PutObject');
    });
  });
});
