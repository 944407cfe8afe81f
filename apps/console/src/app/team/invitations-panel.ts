import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { InvitationDto, UserRole } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { Notify } from '../core/notify.service';
import { SessionStore } from '../core/session.store';
import { LocalDatePipe, TranslateOrPipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { InvitationsApi } from './invitations.api';

/** Invite people by email; list, resend and revoke invitations. */
@Component({
  selector: 'sc-invitations-panel',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    LocalDatePipe,
    TranslateOrPipe,
  ],
  templateUrl: './invitations-panel.html',
  styles: `
    .invite {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
      margin: 16px 0;
    }
    .invite mat-form-field {
      min-width: 260px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationsPanel implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly notify = inject(Notify);
  readonly session = inject(SessionStore);
  readonly columns = ['email', 'role', 'status', 'expiresAt', 'actions'];
  readonly invitations = signal<InvitationDto[]>([]);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  email = '';
  role: UserRole = 'operator';

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.invitations.set(await firstValueFrom(this.api.list()));
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  async invite(form: NgForm): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const created = await firstValueFrom(this.api.create({ email: this.email.trim(), role: this.role }));
      this.notify.success(t('invitations.sent', { email: created.email }));
      form.resetForm({ email: '', role: this.role });
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  async resend(i: InvitationDto): Promise<void> {
    try {
      await firstValueFrom(this.api.resend(i.id));
      this.notify.success(t('invitations.resent', { email: i.email }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }

  async revoke(i: InvitationDto): Promise<void> {
    try {
      await firstValueFrom(this.api.revoke(i.id));
      this.notify.success(t('invitations.revoked', { email: i.email }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }
}
