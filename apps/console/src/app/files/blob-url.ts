import { DestroyRef, inject, Injector, signal, Signal, untracked } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { errorMessage } from '../core/api-error';

export interface BlobUrlState {
  url: Signal<string | null>;
  error: Signal<string | null>;
  loading: Signal<boolean>;
  load(source: Observable<Blob> | null): void;
}

/** An object URL for authenticated content, revoked when replaced or when the owner is destroyed. */
export function blobUrl(injector: Injector = inject(Injector)): BlobUrlState {
  const url = signal<string | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(false);
  let sub: Subscription | undefined;
  const release = () => {
    sub?.unsubscribe();
    const current = url();
    if (current) URL.revokeObjectURL(current);
    url.set(null);
  };
  const start = (source: Observable<Blob> | null) => {
    release();
    error.set(null);
    if (!source) return;
    loading.set(true);
    sub = source.subscribe({
      next: (blob) => {
        url.set(URL.createObjectURL(blob));
        loading.set(false);
      },
      error: (err: unknown) => {
        error.set(errorMessage(err));
        loading.set(false);
      },
    });
  };
  injector.get(DestroyRef).onDestroy(release);
  return {
    url: url.asReadonly(),
    error: error.asReadonly(),
    loading: loading.asReadonly(),
    // Untracked: `load` is called from effects, and reading `url` there would make every loaded URL
    // re-run the effect, revoke the URL and fetch again (thumbnails were re-fetched ~25 times a second).
    load: (source) => untracked(() => start(source)),
  };
}
