import { waitUntil } from '@satchel/testing';
import { connect, type Socket } from 'node:net';

export const BOUNDARY = 'satchel-test-boundary';

export function partHeader(field: string, filename: string, type = 'application/octet-stream'): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
}

/**
 * Opens a raw connection and sends a multipart request head announcing `declaredLength` bytes, so a
 * test can write part of the body and then drop the connection mid-upload.
 */
export function startRawUpload(
  baseUrl: string,
  path: string,
  auth: string,
  declaredLength: number,
): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${auth}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${declaredLength}\r\n\r\n`,
      );
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** The toolkit's `waitUntil`, polling every 25 ms: what the raw-upload tests wait on changes fast. */
export function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  return waitUntil('the condition', check, timeoutMs, 25);
}
