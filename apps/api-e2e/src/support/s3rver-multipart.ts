import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3rver } from '@satchel/testing';

type Ctx = Parameters<S3rver['middleware'][number]>[0];

/**
 * s3rver 3.7 has multipart create, upload-part and complete, but no ListParts, ListMultipartUploads
 * or AbortMultipartUpload, which `@tus/s3-store` needs (offsets on every request, the expiry sweep,
 * termination). They are added here with S3's semantics, answered from s3rver's own files
 * (`<bucket>/._S3rver_uploads/<uploadId>/{key,N,N.md5}`). Call before `run()`.
 */
export function withMultipartListing(s3rver: S3rver): void {
  const uploadsDir = (bucket: string) => s3rver.store.getResourcePath(bucket, undefined, 'uploads');
  s3rver.middleware.splice(s3rver.middleware.length - 1, 0, async (ctx, next) => {
    const [, bucket = '', ...rest] = ctx.path.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const uploadId = ctx.query.uploadId;
    if (typeof uploadId === 'string' && key && (ctx.method === 'GET' || ctx.method === 'DELETE')) {
      const dir = /^[\w-]+$/.test(uploadId) ? join(uploadsDir(bucket), uploadId) : '';
      const names = dir ? await readdir(dir).catch(() => null) : null;
      if (!names) return noSuchUpload(ctx);
      if (ctx.method === 'DELETE') {
        await rm(dir, { recursive: true, force: true });
        ctx.status = 204;
        return;
      }
      ctx.body = {
        ListPartsResult: {
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          IsTruncated: false,
          Part: await partsIn(dir, names),
        },
      };
      return;
    }
    if (ctx.method === 'GET' && !key && 'uploads' in ctx.query) {
      const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
      const Upload = (await uploadsIn(uploadsDir(bucket))).filter((u) => u.Key.startsWith(prefix));
      ctx.body = {
        ListMultipartUploadsResult: { Bucket: bucket, Prefix: prefix, IsTruncated: false, Upload },
      };
      return;
    }
    return next();
  });
}

/** Multipart uploads s3rver holds for `bucket` (neither completed nor aborted), by key. */
export async function pendingMultipartKeys(s3rver: S3rver, bucket: string): Promise<string[]> {
  const uploads = await uploadsIn(s3rver.store.getResourcePath(bucket, undefined, 'uploads'));
  return uploads.map((u) => u.Key);
}

async function partsIn(dir: string, names: string[]) {
  const numbers = names
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  return Promise.all(
    numbers.map(async (n) => {
      const [info, md5] = await Promise.all([
        stat(join(dir, String(n))),
        readFile(join(dir, `${n}.md5`), 'utf8'),
      ]);
      return { PartNumber: n, ETag: `"${md5}"`, Size: info.size, LastModified: info.mtime.toISOString() };
    }),
  );
}

async function uploadsIn(root: string) {
  const ids = await readdir(root).catch(() => [] as string[]);
  const found: { Key: string; UploadId: string; Initiated: string }[] = [];
  for (const id of ids) {
    const keyFile = join(root, id, 'key');
    const key = await readFile(keyFile, 'utf8').catch(() => null);
    if (key === null) continue;
    found.push({ Key: key, UploadId: id, Initiated: (await stat(keyFile)).mtime.toISOString() });
  }
  return found;
}

function noSuchUpload(ctx: Ctx) {
  ctx.status = 404;
  ctx.body = { Error: { Code: 'NoSuchUpload', Message: 'The specified multipart upload does not exist.' } };
}
