import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { CreatedApiTokenResponse } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { TeamApi } from './team.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../i18n/translate';

/** Creates an API token and shows its secret exactly once. Closes with the created token (or undefined). */
@Component({
  selector: 'sc-token-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    TranslocoPipe,
  ],
  templateUrl: './token-dialog.html',
  styles: `
    .secret {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      code {
        flex: 1;
        word-break: break-all;
      }
    }
    .warn {
      color: var(--mat-sys-error);
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenDialog {
  private readonly api = inject(TeamApi);
  private readonly clipboard = inject(Clipboard);
  readonly ref = inject<MatDialogRef<TokenDialog, CreatedApiTokenResponse>>(MatDialogRef);
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]],
  });
  readonly created = signal<CreatedApiTokenResponse | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly copied = signal(false);

  nameError(): string | null {
    const e = this.form.controls.name.errors;
    if (!e) return null;
    if (e['maxlength']) return t('tokenDialog.tooLong');
    return t('tokenDialog.nameRequired');
  }

  async create(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.created.set(
        await firstValueFrom(this.api.createToken({ name: this.form.getRawValue().name.trim() })),
      );
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  copy(token: string): void {
    this.copied.set(this.clipboard.copy(token));
  }

  close(): void {
    this.ref.close(this.created() ?? undefined);
  }
}
