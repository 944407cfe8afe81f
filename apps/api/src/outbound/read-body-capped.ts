import type { Readable } from 'node:stream';
import { OutboundBodyTooLargeError } from './outbound.types';

/** Reads a small response body, destroying the stream and rejecting once it exceeds `maxBytes`. */
export async function readBodyCapped(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > maxBytes) {
      body.destroy();
      throw new OutboundBodyTooLargeError(maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}
