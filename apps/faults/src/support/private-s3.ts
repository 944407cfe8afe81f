import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, S3rver, withAbortMultipart } from '@satchel/testing';

export interface PrivateS3 {
  endpoint: string;
  bucket: string;
  /** Objects stored in the bucket (multipart leftovers not included). */
  objects(): string[];
  down(): Promise<void>;
  up(): Promise<void>;
  remove(): Promise<void>;
}

function list(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('._S3rver_object'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * s3rver on a fixed free loopback port and directory, so it can go down and come back with its
 * objects. s3rver lacks AbortMultipartUpload; it is added with S3's semantics (parts removed, 204).
 */
export async function startPrivateS3(bucket = 'satchel-faults'): Promise<PrivateS3> {
  const directory = mkdtempSync(join(tmpdir(), 'satchel-faults-s3-'));
  const port = await freePort();
  let server: S3rver | undefined;
  const up = async () => {
    const s = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });
    withAbortMultipart(s);
    await s.run();
    server = s;
  };
  const down = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.httpServer?.closeAllConnections();
    await s.close();
  };
  await up();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    objects: () => list(join(directory, bucket)),
    up,
    down,
    remove: async () => {
      await down();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
