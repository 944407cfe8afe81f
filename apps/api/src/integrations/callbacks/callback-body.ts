import FormData from 'form-data';
import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';

export interface CallbackFile {
  name: string;
  contentType: string;
  size: number;
}

export interface CallbackBody {
  stream: Readable;
  headers: Record<string, string>;
}

export function newBoundary(): string {
  return `satchel-${randomBytes(16).toString('hex')}`;
}

/**
 * Seed 002's callback form: `chatID` then `file` (original name, detected type, the bytes). With a
 * given boundary the bytes are fully determined by the inputs, so the body can be produced once to
 * sign it and again to send it.
 */
export function callbackBody(
  boundary: string,
  chatId: string,
  file: CallbackFile,
  content: Readable,
): CallbackBody {
  const form = new FormData();
  form.setBoundary(boundary);
  form.append('chatID', chatId);
  form.append('file', content, {
    filename: file.name,
    contentType: file.contentType,
    knownLength: file.size,
  });
  const stream = new PassThrough();
  form.on('error', (err: Error) => stream.destroy(err));
  content.on('error', (err: Error) => stream.destroy(err));
  form.pipe(stream);
  return {
    stream,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(form.getLengthSync()),
    },
  };
}
