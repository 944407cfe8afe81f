import { contentVerdict, extensionOf, sanitizeDisplayName } from '@satchel/domain';
import { PassThrough, type Readable } from 'node:stream';
import { detectType, readHead } from '../upload/content-inspector';
import { tusRefusal } from './tus-errors';
import type { Upload } from './tus-modules';

/**
 * The first chunk's magic bytes must agree with the file's extension; else `discard` removes the
 * upload and the request ends with 415 CONTENT_MISMATCH before anything of it is kept. Returns the
 * body with its head put back.
 */
export async function checkedFirstChunk(
  readable: Readable,
  upload: Upload,
  discard: () => Promise<void>,
): Promise<Readable> {
  const { head, ended } = await readHead(readable);
  const name = sanitizeDisplayName(upload.metadata?.['filename'] ?? '');
  const verdict = contentVerdict(name, extensionOf(name), await detectType(head), head);
  if (!verdict.ok) {
    await discard().catch(() => undefined);
    throw tusRefusal(415, verdict.message, {
      code: 'CONTENT_MISMATCH',
      file: name,
      detectedType: verdict.actualMime,
    });
  }
  return withHead(head, ended, readable);
}

function withHead(head: Buffer, ended: boolean, rest: Readable): Readable {
  const out = new PassThrough();
  out.write(head);
  if (ended) {
    out.end();
    return out;
  }
  rest.once('error', (err) => out.destroy(err));
  rest.pipe(out);
  return out;
}
