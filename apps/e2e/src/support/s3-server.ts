import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object keys currently stored in the bucket (s3rver keeps them as `<key>._S3rver_object`). */
  keys(): string[];
  close(): Promise<void>;
}

/** A real S3 API (s3rver) on a free loopback port, default credentials S3RVER/S3RVER. */
export async function startS3Server(bucket = 'satchel-e2e'): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'satchel-e2e-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    keys: () => listKeys(join(directory, bucket)),
    close: async () => {
      await server.close();
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
