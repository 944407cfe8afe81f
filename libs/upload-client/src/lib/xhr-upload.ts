import type { AttachmentDto } from '@satchel/contracts';
import { ApiError, errorMessage } from './http-error';

export interface UploadHandle {
  done: Promise<AttachmentDto>;
  abort(): void;
}

export class UploadAborted extends Error {
  constructor() {
    super('Upload cancelled');
  }
}

/**
 * Uploads one file as multipart field `files` with XMLHttpRequest, the only browser API that
 * reports upload progress. Resolves with the stored attachment; rejects with ApiError (status 0 on
 * a network failure) or UploadAborted.
 */
export function uploadFile(
  url: string,
  authHeader: string | null,
  file: Blob,
  name: string,
  onProgress: (loaded: number, total: number) => void,
  /** Sent as `Idempotency-Key`: a retry with the same key gets the file stored the first time. */
  idempotencyKey?: string,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<AttachmentDto>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.responseType = 'json';
    if (authHeader) xhr.setRequestHeader('Authorization', authHeader);
    if (idempotencyKey) xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) {
        const list = Array.isArray(body) ? body : (body as { attachments?: unknown[] } | null)?.attachments;
        const first = (Array.isArray(list) ? list[0] : body) as AttachmentDto | undefined;
        if (first?.id) return resolve(first);
        return reject(new ApiError(xhr.status, 'Unexpected answer from the server'));
      }
      reject(new ApiError(xhr.status, errorMessage(xhr.status, body), body));
    };
    xhr.onerror = () => reject(new ApiError(0, errorMessage(0, null)));
    xhr.ontimeout = () => reject(new ApiError(0, 'The upload timed out'));
    xhr.onabort = () => reject(new UploadAborted());
    const form = new FormData();
    form.append('files', file, name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
