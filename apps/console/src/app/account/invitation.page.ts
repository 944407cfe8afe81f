import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { InvitationPreview } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { SessionStore } from '../core/session.store';
import { AccountApi } from './account.api';

/** The page behind an invitation link: the invitee picks a name and password, then is signed in. */
@Component({
  selector: 'sc-invitation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
  ],
  templateUrl: './invitation.page.html',
  styleUrl: './public-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  readonly token = input<string>();
  readonly invitation = signal<InvitationPreview | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly unusable = signal<string | null>(null);
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    password: ['', [Validators.required, Validators.minLength(8)]],
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.invitation.set(await firstValueFrom(this.api.invitation(this.token() ?? '')));
    } catch (err) {
      this.unusable.set(errorMessage(err));
    }
  }

  async submit(): Promise<void> {
    const invitation = this.invitation();
    if (this.form.invalid || !invitation) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { name, password } = this.form.getRawValue();
      await firstValueFrom(this.api.accept(this.token() ?? '', { name, password }));
      await this.session.login({ email: invitation.email, password });
      await this.router.navigateByUrl('/');
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
