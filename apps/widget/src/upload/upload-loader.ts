import type { QueuedUpload, UploadQueue } from '@satchel/upload-client';
import type { QueueSetup } from './upload-chunk';

type QueueModule = typeof import('./upload-chunk');

let assetBase = '';
let loading: Promise<QueueModule> | null = null;

export function setUploadAssetBase(base: string): void {
  assetBase = base;
}

/** A new upload queue; its code is a separate file next to widget.js, fetched on the first send. */
export async function loadQueue(setup: QueueSetup): Promise<UploadQueue> {
  loading ??= (
    import(/* webpackIgnore: true */ `${assetBase}/upload-queue.js`) as Promise<QueueModule>
  ).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return (await loading).createQueue(setup);
}

export type { QueuedUpload };
