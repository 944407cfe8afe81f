import type { Stream } from 'node:stream';

/**
 * Resolves once `stream` has closed. A file stream destroyed while its file is still being opened
 * opens it anyway and only then closes it; deleting the file before that leaves an empty file behind.
 */
export function closed(stream: Stream & { closed: boolean }): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once('close', () => resolve()));
}
