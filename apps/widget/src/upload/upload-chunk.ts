// `upload-queue.js`: the upload queue, loaded when the visitor first sends a file (keeps widget.js small).
import { multipartTransport, UploadQueue, type QueuedUpload } from '@satchel/upload-client';

export { compressImages } from '@satchel/upload-client';
export { describeUploadFailure } from './upload-failure';

export interface QueueSetup {
  /** The multipart endpoint of the chat. */
  uploadUrl: () => string;
  /** `/v1/uploads`, absolute. */
  tusEndpoint: () => string;
  authHeader: () => string | null;
  onChange: (u: QueuedUpload) => void;
  onRemove: (u: QueuedUpload) => void;
}

export function createQueue(s: QueueSetup): UploadQueue {
  return new UploadQueue({
    multipart: multipartTransport(s.uploadUrl, s.authHeader),
    // A chunk of its own: tus-js-client is fetched only for files above the threshold.
    tus: () =>
      import('./tus-chunk').then((m) =>
        m.tusTransport({ endpoint: s.tusEndpoint(), authHeader: s.authHeader }),
      ),
    online: () => navigator.onLine,
    onChange: s.onChange,
    onRemove: s.onRemove,
  });
}
