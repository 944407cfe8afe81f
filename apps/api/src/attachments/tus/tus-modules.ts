import type * as TusServer from '@tus/server' with { 'resolution-mode': 'import' };
import type * as TusFileStore from '@tus/file-store' with { 'resolution-mode': 'import' };

export type { Lock, Locker, RequestRelease, Server, Upload } from '@tus/server' with {
  'resolution-mode': 'import',
};
export type { FileStore } from '@tus/file-store' with { 'resolution-mode': 'import' };

export interface TusModules {
  Server: typeof TusServer.Server;
  FileStore: typeof TusFileStore.FileStore;
}

let loaded: Promise<TusModules> | undefined;

/** `@tus/*` are ESM-only; loaded once, when the API starts. */
export function loadTus(): Promise<TusModules> {
  loaded ??= Promise.all([import('@tus/server'), import('@tus/file-store')]).then(([server, store]) => ({
    Server: server.Server,
    FileStore: store.FileStore,
  }));
  return loaded;
}
