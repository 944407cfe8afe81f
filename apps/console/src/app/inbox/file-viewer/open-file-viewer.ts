import type { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { t } from '../../i18n/translate';
import { FileViewer, type FileViewerData } from './file-viewer';

/** Opens the full-screen viewer; focus goes back to the opener when it closes. */
export function openFileViewer(dialog: MatDialog, data: FileViewerData): MatDialogRef<FileViewer> {
  return dialog.open<FileViewer, FileViewerData>(FileViewer, {
    data,
    width: '100vw',
    height: '100dvh',
    maxWidth: '100vw',
    maxHeight: '100dvh',
    panelClass: 'fv-panel',
    ariaLabel: t('viewer.label'),
    autoFocus: 'dialog',
    // No fade-in: a half-faded dark viewer over the light page reads as low contrast, and photos open at once.
    enterAnimationDuration: 0,
  });
}
