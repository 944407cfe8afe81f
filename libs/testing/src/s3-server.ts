// s3rver ships no types: its declarations travel with the toolkit to every project that imports it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: true;
  /** The first bucket. */
  bucket: string;
  /** s3rver's data directory: `<bucket>/…` holds objects and in-progress multipart parts. */
  directory: string;
  /** Every request so far, as `METHOD /bucket/key?query`. */
  requests: string[];
  /** Ids of multipart uploads started and neither completed nor aborted. */
  pendingUploads(bucket: string): string[];
  /** Object keys stored in a bucket (the first one by default). */
  keys(bucket?: string): string[];
  close(): Promise<void>;
}

/** Adds AbortMultipartUpload, which s3rver lacks, with S3's semantics (parts removed, 204). */
export function withAbortMultipart(s3rver: S3rver): void {
  const uploadsDir = (bucket: string) => s3rver.store.getResourcePath(bucket, undefined, 'uploads');
  s3rver.middleware.splice(s3rver.middleware.length - 1, 0, async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string') return next();
    const dir = join(uploadsDir(ctx.path.split('/')[1]), uploadId);
    if (!/^[\w-]+$/.test(uploadId) || !existsSync(dir)) {
      ctx.status = 404;
      ctx.body = { Error: { Code: 'NoSuchUpload', Message: 'The specified upload does not exist.' } };
      return;
    }
    await rm(dir, { recursive: true, force: true });
    ctx.status = 204;
  });
}

/**
 * A real S3 API server (s3rver) on a free loopback port with its own temp directory and buckets.
 * s3rver lacks AbortMultipartUpload, so it is added here with S3's semantics (parts removed, 204).
 */
export async function startS3Server(
  bucketOrBuckets: string | string[] = ['satchel-test'],
): Promise<TestS3Server> {
  const buckets = typeof bucketOrBuckets === 'string' ? [bucketOrBuckets] : bucketOrBuckets;
  const directory = mkdtempSync(join(tmpdir(), 'satchel-s3-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const requests: string[] = [];
  s3rver.middleware.unshift((ctx, next) => {
    requests.push(`${ctx.method} ${ctx.path}${ctx.querystring ? `?${ctx.querystring}` : ''}`);
    return next();
  });
  withAbortMultipart(s3rver);
  const uploadsDir = (bucket: string) => s3rver.store.getResourcePath(bucket, undefined, 'uploads');
  const { port } = await s3rver.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    forcePathStyle: true,
    bucket: buckets[0],
    directory,
    requests,
    pendingUploads: (bucket) => {
      const dir = uploadsDir(bucket);
      return existsSync(dir) ? readdirSync(dir) : [];
    },
    keys: (bucket = buckets[0]) => listKeys(join(directory, bucket)),
    close: async () => {
      s3rver.httpServer?.closeAllConnections();
      await s3rver.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function listKeys(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) return listKeys(path, `${prefix}${entry}/`);
    return entry.endsWith('._S3rver_object') ? [`${prefix}${entry.slice(0, -'._S3rver_object'.length)}`] : [];
  });
}
