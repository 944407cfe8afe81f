import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { UserDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { TeamApi } from './team.api';
import { TranslocoPipe } from '@jsverse/transloco';

/** Adds a person (`user` absent) or resets a person's password (`user` given). */
@Component({
  selector: 'sc-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  templateUrl: './user-dialog.html',
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(420px, 80vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly api = inject(TeamApi);
  private readonly ref = inject<MatDialogRef<UserDialog, UserDto>>(MatDialogRef);
  readonly user = inject<{ user?: UserDto }>(MAT_DIALOG_DATA).user;
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    name: [this.user?.name ?? '', this.user ? [] : [Validators.required, Validators.maxLength(100)]],
    email: [this.user?.email ?? '', this.user ? [] : [Validators.required, Validators.email]],
    role: this.fb.control<'admin' | 'operator'>(this.user?.role === 'admin' ? 'admin' : 'operator'),
    password: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(200)]],
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const v = this.form.getRawValue();
    try {
      const saved = this.user
        ? await firstValueFrom(this.api.updateUser(this.user.id, { password: v.password }))
        : await firstValueFrom(
            this.api.createUser({
              name: v.name.trim(),
              email: v.email.trim(),
              role: v.role,
              password: v.password,
            }),
          );
      this.ref.close(saved);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
