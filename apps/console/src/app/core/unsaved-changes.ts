import { DestroyRef, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { confirmAction } from './confirm-dialog';
import { t } from '../i18n/translate';

/** A page with a form that can hold changes not saved yet. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Leaving a page with unsaved changes asks first (links, back button, sign-out). */
export const confirmLeaveUnsaved: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page.hasUnsavedChanges() ||
  confirmAction(inject(MatDialog), {
    title: t('unsaved.title'),
    message: t('unsaved.message'),
    confirm: t('unsaved.confirm'),
    danger: true,
  });

/**
 * The browser's own "Leave site?" prompt on reload, tab close or typed URL while `dirty()` holds.
 * Call from a constructor (injection context).
 */
export function warnBeforeUnload(dirty: () => boolean): void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!dirty()) return;
    e.preventDefault();
    // Older Chromium versions still need returnValue set to show the prompt.
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
