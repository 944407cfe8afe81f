import type { PhotoCompression } from '@satchel/contracts';
import type { QueuedUpload, UploadQueue } from '@satchel/upload-client';
import type { QueueSetup } from './upload-chunk';
import type { UploadFailure } from './upload-failure';

type QueueModule = typeof import('./upload-chunk');

let assetBase = '';
let loading: Promise<QueueModule> | null = null;
let loaded: QueueModule | null = null;

export function setUploadAssetBase(base: string): void {
  assetBase = base;
}

/** The upload chunk: a separate file next to widget.js, fetched on the first pick or send. */
function uploadChunk(): Promise<QueueModule> {
  loading ??= (import(/* webpackIgnore: true */ `${assetBase}/upload-queue.js`) as Promise<QueueModule>).then(
    (mod) => (loaded = mod),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** Why an upload failed, for the visitor (the wording comes with the upload chunk, loaded by then). */
export function describeFailure(status: number, body: unknown, fileName: string): UploadFailure | null {
  return loaded?.describeUploadFailure(status, body, fileName) ?? null;
}

export async function loadQueue(setup: QueueSetup): Promise<UploadQueue> {
  return (await uploadChunk()).createQueue(setup);
}

/** Photos shrunk as the account asks (the resizing code comes with the upload chunk). */
export async function compressPicked(files: File[], settings: PhotoCompression | undefined): Promise<File[]> {
  if (!settings?.enabled) return files;
  // Without the chunk (offline, blocked) the originals go as they are: the server takes them too.
  const chunk = await uploadChunk().catch(() => null);
  return chunk ? chunk.compressImages(files, settings) : files;
}

export type { QueuedUpload };
