import type { AttachmentDto } from '@satchel/contracts';
import { defaultOptions, DetailedError, Upload, type UploadOptions } from 'tus-js-client';
import { ApiError, errorMessage } from './http-error';
import type { UploadJob, UploadTransport } from './upload-transport';
import { UploadAborted } from './xhr-upload';

export interface TusTransportOptions {
  /** The API's `/v1/uploads`, absolute. */
  endpoint: string;
  authHeader: () => string | null;
  /** Bytes per PATCH: what the server keeps is committed chunk by chunk. */
  chunkSize?: number;
}

/** Default PATCH size: a lost connection costs at most this much to send again. */
export const TUS_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * tus 1.0 via tus-js-client. The upload URL is kept in localStorage under the file's key, so a
 * paused, interrupted or reloaded upload continues from the server's offset; retries are the queue's.
 */
export function tusTransport(o: TusTransportOptions): UploadTransport {
  const options = (key: string): UploadOptions => ({
    endpoint: o.endpoint,
    headers: headers(o.authHeader()),
    fingerprint: () => Promise.resolve(`satchel-${key}`),
  });
  return {
    resumable: true,
    send: (job) => send(job, o, options(job.key)),
    async discard(key) {
      const upload = new Upload(new Blob([]), options(key));
      for (const previous of await upload.findPreviousUploads()) {
        if (previous.uploadUrl)
          await Upload.terminate(previous.uploadUrl, options(key)).catch(() => undefined);
        await defaultOptions.urlStorage.removeUpload(previous.urlStorageKey);
      }
    },
  };
}

function send(job: UploadJob, o: TusTransportOptions, base: UploadOptions): Promise<AttachmentDto> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(job.file, {
      ...base,
      chunkSize: o.chunkSize ?? TUS_CHUNK_BYTES,
      retryDelays: null,
      metadata: { filename: job.name, ...job.meta },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent) => job.onProgress(sent),
      onSuccess: ({ lastResponse }) => {
        const body = parse(lastResponse.getBody());
        if (body && typeof body === 'object' && 'id' in body) resolve(body as AttachmentDto);
        else reject(new ApiError(lastResponse.getStatus(), 'Unexpected answer from the server'));
      },
      onError: (err) => reject(asApiError(err)),
    });
    const stop = () => {
      // Cancel terminates the upload on the server (DELETE); pause and stall keep its bytes.
      const terminate = job.signal.reason === 'cancel';
      void upload
        .abort(terminate)
        .catch(() => undefined)
        .finally(() => reject(new UploadAborted()));
    };
    if (job.signal.aborted) return stop();
    job.signal.addEventListener('abort', stop, { once: true });
    void upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        if (!job.signal.aborted) upload.start();
      })
      .catch((err: unknown) => reject(asApiError(err)));
  });
}

function headers(auth: string | null): Record<string, string> {
  return auth ? { Authorization: auth } : {};
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The server's JSON refusal (`{error, code}`) as an ApiError; no response means the network failed. */
function asApiError(err: unknown): ApiError {
  const res = err instanceof DetailedError ? err.originalResponse : null;
  if (!res) return new ApiError(0, errorMessage(0, null));
  const status = res.getStatus();
  const body = parse(res.getBody());
  return new ApiError(status, errorMessage(status, body), body);
}
