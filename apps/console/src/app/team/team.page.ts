import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ApiTokenDto, CreatedApiTokenResponse, UserDto, UserRole } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { confirmAction } from '../core/confirm-dialog';
import { Notify } from '../core/notify.service';
import { SessionStore } from '../core/session.store';
import { StatusChip } from '../core/status-chip';
import { InvitationsPanel } from './invitations-panel';
import { TeamApi } from './team.api';
import { TokenDialog } from './token-dialog';
import { UserDialog } from './user-dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';

@Component({
  selector: 'sc-team-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    MatTooltipModule,
    StatusChip,
    InvitationsPanel,
    TranslocoPipe,
    LocalDatePipe,
  ],
  templateUrl: './team.page.html',
  styleUrl: './team.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage implements OnInit {
  private readonly api = inject(TeamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  readonly session = inject(SessionStore);

  readonly userColumns = ['name', 'email', 'role', 'status', 'createdAt', 'actions'];
  readonly tokenColumns = ['name', 'last4', 'createdAt', 'lastUsedAt', 'status', 'actions'];
  readonly users = signal<UserDto[]>([]);
  readonly tokens = signal<ApiTokenDto[]>([]);
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [users, tokens] = await Promise.all([
        firstValueFrom(this.api.users()),
        firstValueFrom(this.api.tokens()),
      ]);
      this.users.set(users);
      this.tokens.set(tokens);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.loading.set(false);
    }
  }

  async addUser(): Promise<void> {
    const created = await firstValueFrom(
      this.dialog.open<UserDialog, { user?: UserDto }, UserDto>(UserDialog, { data: {} }).afterClosed(),
    );
    if (created) {
      this.notify.success(`${created.name} can now sign in.`);
      await this.load();
    }
  }

  async resetPassword(user: UserDto): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog.open<UserDialog, { user?: UserDto }, UserDto>(UserDialog, { data: { user } }).afterClosed(),
    );
    if (saved) this.notify.success(t('team.passwordReset', { name: user.name }));
  }

  async setActive(user: UserDto, active: boolean): Promise<void> {
    if (
      !active &&
      !(await confirmAction(this.dialog, {
        title: t('team.deactivateTitle', { name: user.name }),
        message: t('team.deactivateMessage'),
        confirm: t('team.deactivate'),
        danger: true,
      }))
    ) {
      return;
    }
    try {
      await firstValueFrom(this.api.updateUser(user.id, { active }));
      this.notify.success(t(active ? 'team.activeAgain' : 'team.deactivated', { name: user.name }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }

  async changeRole(user: UserDto, role: UserRole): Promise<void> {
    try {
      await firstValueFrom(this.api.updateUser(user.id, { role }));
      const done = { admin: 'team.nowAdmin', operator: 'team.nowOperator', owner: 'team.nowOwner' }[role];
      this.notify.success(t(done, { name: user.name }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }

  async remove(user: UserDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: t('team.removeTitle', { name: user.name }),
      message: t('team.removeMessage'),
      confirm: t('team.remove'),
      danger: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.removeUser(user.id));
      this.notify.success(t('team.removed', { name: user.name }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }

  async createToken(): Promise<void> {
    const created = await firstValueFrom(
      this.dialog
        .open<TokenDialog, void, CreatedApiTokenResponse>(TokenDialog, { width: '520px', disableClose: true })
        .afterClosed(),
    );
    if (created) await this.load();
  }

  async revoke(token: ApiTokenDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: t('team.revokeTitle', { name: token.name }),
      message: t('team.revokeMessage'),
      confirm: t('team.revokeConfirm'),
      danger: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.revokeToken(token.id));
      this.notify.success(t('team.revoked', { name: token.name }));
      await this.load();
    } catch (err) {
      this.notify.error(err);
    }
  }
}
