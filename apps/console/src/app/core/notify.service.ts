import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { t } from '../i18n/translate';
import { errorMessage } from './api-error';

@Injectable({ providedIn: 'root' })
export class Notify {
  private readonly snack = inject(MatSnackBar);

  success(message: string): void {
    this.snack.open(message, t('common.dismiss'), { duration: 4000, politeness: 'polite' });
  }

  error(err: unknown, prefix?: string): void {
    const text = prefix
      ? t('common.errorWithPrefix', { prefix, message: errorMessage(err) })
      : errorMessage(err);
    this.snack.open(text, t('common.dismiss'), {
      duration: 8000,
      politeness: 'assertive',
      panelClass: 'snack-error',
    });
  }
}
