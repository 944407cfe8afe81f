import { DestroyRef, inject, Injector, signal, Signal } from '@angular/core';
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
  injector.get(DestroyRef).onDestroy(release);
  return {
    url: url.asReadonly(),
    error: error.asReadonly(),
    loading: loading.asReadonly(),
    load(source) {
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
    },
  };
}
