import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { TotpEnrolment, TotpStatus } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { Notify } from '../core/notify.service';
import { t } from '../i18n/translate';
import { AccountApi } from './account.api';

/** The signed-in person's own security: two-factor sign-in and email notifications. */
@Component({
  selector: 'sc-security-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  templateUrl: './security.page.html',
  styleUrl: './security.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly notify = inject(Notify);
  readonly status = signal<TotpStatus | null>(null);
  readonly enrolment = signal<TotpEnrolment | null>(null);
  readonly recoveryCodes = signal<string[] | null>(null);
  readonly emailWhenOffline = signal(true);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  code = '';

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await firstValueFrom(this.api.totp()));
      this.emailWhenOffline.set((await firstValueFrom(this.api.notifications())).emailWhenOffline);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  async start(): Promise<void> {
    await this.run(async () => this.enrolment.set(await firstValueFrom(this.api.enrol())));
  }

  async confirm(): Promise<void> {
    await this.run(async () => {
      const res = await firstValueFrom(this.api.confirmTotp(this.code));
      this.recoveryCodes.set(res.recoveryCodes);
      this.enrolment.set(null);
      this.code = '';
      this.status.set(await firstValueFrom(this.api.totp()));
    });
  }

  async disable(): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.disableTotp(this.code));
      this.code = '';
      this.recoveryCodes.set(null);
      this.status.set(await firstValueFrom(this.api.totp()));
      this.notify.success(t('account.security.turnedOff'));
    });
  }

  async toggleEmails(on: boolean): Promise<void> {
    await this.run(async () => {
      const saved = await firstValueFrom(this.api.saveNotifications({ emailWhenOffline: on }));
      this.emailWhenOffline.set(saved.emailWhenOffline);
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
