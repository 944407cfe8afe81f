import type { AttachmentDto } from '@satchel/contracts';

/** Why an attempt's signal was aborted. */
export type AbortReason = 'pause' | 'cancel' | 'stall';

/** One attempt at sending one file. */
export interface UploadJob {
  file: Blob;
  name: string;
  size: number;
  /** Stable for the file across retries and reloads: `Idempotency-Key` (multipart), fingerprint (tus). */
  key: string;
  /** tus `Upload-Metadata` besides `filename` (`chatId`, `messageText`, `fileRequestId`). */
  meta: Record<string, string>;
  /** Aborted with an {@link AbortReason}. */
  signal: AbortSignal;
  /** Bytes the server has, counting what an earlier attempt sent. */
  onProgress(loaded: number): void;
}

/**
 * How bytes reach the server: one multipart request, or tus. Resolves with the stored attachment;
 * rejects with ApiError (status 0: the network failed) or UploadAborted once the signal aborted.
 */
export interface UploadTransport {
  /** A paused or interrupted upload continues from the server's offset. */
  readonly resumable: boolean;
  send(job: UploadJob): Promise<AttachmentDto>;
  /** Removes what the server keeps of an unfinished upload (a cancelled paused tus upload). */
  discard?(key: string): Promise<void>;
}
