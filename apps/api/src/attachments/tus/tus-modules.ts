import type * as TusServer from '@tus/server' with { 'resolution-mode': 'import' };
import type * as TusFileStore from '@tus/file-store' with { 'resolution-mode': 'import' };
import type * as TusS3Store from '@tus/s3-store' with { 'resolution-mode': 'import' };

export type { DataStore, Lock, Locker, RequestRelease, Server, Upload } from '@tus/server' with {
  'resolution-mode': 'import',
};
export type { FileStore } from '@tus/file-store' with { 'resolution-mode': 'import' };
export type { S3Store } from '@tus/s3-store' with { 'resolution-mode': 'import' };

export interface TusModules {
  Server: typeof TusServer.Server;
  FileStore: typeof TusFileStore.FileStore;
}

let loaded: Promise<TusModules> | undefined;
let s3Loaded: Promise<typeof TusS3Store.S3Store> | undefined;

/** `@tus/*` are ESM-only; loaded once, when the API starts. */
export function loadTus(): Promise<TusModules> {
  loaded ??= Promise.all([import('@tus/server'), import('@tus/file-store')]).then(([server, store]) => ({
    Server: server.Server,
    FileStore: store.FileStore,
  }));
  return loaded;
}

/** The S3 store brings the AWS SDK: loaded only when STORAGE_DRIVER=s3. */
export function loadTusS3Store(): Promise<typeof TusS3Store.S3Store> {
  s3Loaded ??= import('@tus/s3-store').then((m) => m.S3Store);
  return s3Loaded;
}
