import type { UploadTransport } from './upload-transport';
import { uploadFile } from './xhr-upload';

/** The whole file in one multipart request to `url`, with `Idempotency-Key` so a retry never stores it twice. */
export function multipartTransport(url: () => string, authHeader: () => string | null): UploadTransport {
  return {
    resumable: false,
    send(job) {
      const handle = uploadFile(url(), authHeader(), job.file, job.name, (l) => job.onProgress(l), job.key);
      if (job.signal.aborted) handle.abort();
      job.signal.addEventListener('abort', () => handle.abort(), { once: true });
      return handle.done;
    },
  };
}
