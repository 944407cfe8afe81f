import type { TestS3Server } from '@satchel/testing';
import request from 'supertest';
import type { Session } from './fixtures';
import type { TestApp } from './test-app';

/** Switches on the file callback (to `callbackUrl`) and the S3 export (into `bucket`, folder `exports`). */
export async function enableCallbackAndExport(
  t: TestApp,
  owner: Pick<Session, 'auth'>,
  callbackUrl: string,
  s3: TestS3Server,
  bucket: string,
): Promise<void> {
  await request(t.url)
    .put('/v1/settings/callback')
    .set(owner.auth)
    .send({ enabled: true, url: callbackUrl })
    .expect(200);
  await request(t.url)
    .put('/v1/settings/s3-export')
    .set(owner.auth)
    .send({
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region: s3.region,
      bucket,
      folder: 'exports',
      endpoint: s3.endpoint,
      disabled: false,
    })
    .expect(200);
}

/** Everything the app logs (Nest's ConsoleLogger writes to stdout/stderr) while capturing; kept off the console. */
export function captureLogs(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  process.stdout.write = grab;
  process.stderr.write = grab;
  return {
    text: () => chunks.join(''),
    stop: () => {
      process.stdout.write = out;
      process.stderr.write = err;
    },
  };
}
