import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8c1a80000000049454e44ae426082',
  'hex',
);

/** A PDF-signed body of exactly `size` bytes (header, random filler, trailer), so bytes can be compared. */
export function pdfOfSize(size = 4096): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  if (size < head.length + tail.length) throw new Error('too small for a PDF');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

export const HTML = Buffer.from(
  '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>',
);

/** Every stored object under the app's storage root (disk driver), temp files included. */
export function storedFiles(t: TestApp): string[] {
  const root = t.config.storage.path;
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path.slice(root.length + 1));
    }
  };
  walk(root);
  return out;
}

export async function attachmentRows(t: TestApp): Promise<number> {
  const [row] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM attachments');
  return row.n;
}

export interface UploadedAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  chatId: string;
  sha256: string;
  url: string;
}

/** Uploads one file through the real endpoint `POST /v1/chats/:chatId/attachments` (field `files`). */
export async function uploadFile(
  t: TestApp,
  chatId: string,
  auth: Record<string, string>,
  name: string,
  content: Buffer,
): Promise<UploadedAttachment> {
  const res = await request(t.url)
    .post(`/v1/chats/${chatId}/attachments`)
    .set(auth)
    .attach('files', content, name);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as UploadedAttachment[])[0];
}

export async function setUploadSettings(
  t: TestApp,
  admin: { Authorization: string },
  body: Record<string, unknown>,
) {
  return request(t.url).put('/v1/settings/uploads').set(admin).send(body).expect(200);
}

/** Path and query of an absolute `url` field, to call it on the test server. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

/** A supertest `.parse()` that keeps the body as raw bytes, for comparing downloads. */
export function rawBody(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
