import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { HttpErrorResponse } from '@angular/common/http';
import { Router, RouterLink } from '@angular/router';
import { errorMessage } from '../core/api-error';
import { SessionStore } from '../core/session.store';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../i18n/translate';

@Component({
  selector: 'sc-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  readonly expired = input<string>();
  readonly returnUrl = input<string>();
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  /** The password was right and the account has two-factor sign-in: ask for the code. */
  readonly needCode = signal(false);
  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  readonly totpCode = new FormControl('', { nonNullable: true });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      const totpCode = this.totpCode.value;
      await this.session.login({
        email,
        password,
        ...(this.needCode() && totpCode && { totpCode: totpCode.trim() }),
      });
      if (this.session.totpEnrolmentRequired()) {
        await this.router.navigateByUrl('/security');
        return;
      }
      const target = this.returnUrl();
      await this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (err) {
      if (isTotpRequired(err)) {
        this.needCode.set(true);
        this.error.set(null);
        return;
      }
      // A wrong two-factor code is not a wrong password: say what the server says about the code.
      const wrongPassword = err instanceof HttpErrorResponse && err.status === 401 && !isTotpRefusal(err);
      this.error.set(wrongPassword ? t('login.refused') : errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}

function isTotpRequired(err: unknown): boolean {
  return (
    err instanceof HttpErrorResponse && (err.error as { code?: string } | null)?.code === 'TOTP_REQUIRED'
  );
}

function isTotpRefusal(err: HttpErrorResponse): boolean {
  const code = (err.error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('TOTP_');
}
