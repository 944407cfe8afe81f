import { signal, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { filter, firstValueFrom, type Observable } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { t } from '../i18n/translate';

/** A settings page's first load: `loading` until the settings reach `apply`, or the `error` for "Try again". */
export class SettingsLoad<T> {
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly fetch: () => Observable<T>,
    private readonly apply: (settings: T) => void,
  ) {}

  async run(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.apply(await firstValueFrom(this.fetch()));
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.loading.set(false);
    }
  }
}

/** True when `form` can be sent; otherwise shows every field's error and `message` in `saveError`. */
export function formReady(
  form: AbstractControl,
  saveError: WritableSignal<string | null>,
  message = t('settings.fixFields'),
): boolean {
  if (form.valid) return true;
  form.markAllAsTouched();
  saveError.set(message);
  return false;
}

/**
 * Takes the page-level "Fix the highlighted fields" (or a server refusal) away as soon as every
 * field is valid again. Call from a constructor or field initializer (injection context).
 */
export function clearWhenValid(form: AbstractControl, saveError: WritableSignal<string | null>): void {
  form.statusChanges
    .pipe(
      filter((s) => s === 'VALID'),
      takeUntilDestroyed(),
    )
    .subscribe(() => saveError.set(null));
}

/** Runs `clear` whenever the form's values change (a shown test result is about the old values). */
export function onEdit(form: AbstractControl, clear: () => void): void {
  form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => clear());
}
