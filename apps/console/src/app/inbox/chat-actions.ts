import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChatDto, OperatorPresenceDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { SessionStore } from '../core/session.store';
import { t } from '../i18n/translate';

/** A list row's status (when not plainly open) and assignee. */
@Component({
  selector: 'sc-chat-badges',
  imports: [TranslocoPipe],
  template: `
    @if (chat().status === 'pending') {
      <span class="badge pending">{{ 'chat.status.pending' | transloco }}</span>
    }
    @if (chat().assignee; as a) {
      <span class="badge" data-testid="assignee">{{ 'chat.assignedTo' | transloco: { name: a.name } }}</span>
    }
  `,
  styles: `
    .badge {
      font-size: 12px;
      margin-inline-end: 6px;
      color: var(--mat-sys-on-surface-variant);
    }
    .pending {
      color: var(--mat-sys-tertiary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatBadges {
  readonly chat = input.required<ChatDto>();
}

/** Close, reopen and assign a chat from its header; the answer (also sent live) replaces the chat. */
@Component({
  selector: 'sc-chat-actions',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  template: `
    <span class="status" data-testid="chat-status">{{ 'chat.status.' + chat().status | transloco }}</span>
    <button
      mat-stroked-button
      type="button"
      class="assign"
      [matMenuTriggerFor]="people"
      (menuOpened)="loadOperators()"
      [disabled]="busy()"
    >
      <mat-icon aria-hidden="true">person</mat-icon>
      {{
        chat().assignee
          ? ('chat.assignedTo' | transloco: { name: chat().assignee!.name })
          : ('chat.unassigned' | transloco)
      }}
    </button>
    <mat-menu #people="matMenu" [attr.aria-label]="'chat.assign' | transloco">
      @if (!mine()) {
        <button mat-menu-item type="button" (click)="assign(me())">
          {{ 'chat.assignToMe' | transloco }}
        </button>
      }
      @for (o of operators(); track o.id) {
        <button mat-menu-item type="button" (click)="assign(o.id)" [attr.data-operator]="o.id">
          <span class="dot" [class.online]="o.presence === 'online'" aria-hidden="true"></span>
          {{ o.name }} · {{ 'chat.presence.' + o.presence | transloco }}
        </button>
      }
      @if (chat().assignee) {
        <button mat-menu-item type="button" (click)="assign(null)">{{ 'chat.unassign' | transloco }}</button>
      }
    </mat-menu>
    @if (chat().status === 'closed') {
      <button mat-stroked-button type="button" (click)="act('reopen')" [disabled]="busy()">
        <mat-icon aria-hidden="true">replay</mat-icon> {{ 'chat.reopen' | transloco }}
      </button>
    } @else {
      <button mat-stroked-button type="button" (click)="act('close')" [disabled]="busy()">
        <mat-icon aria-hidden="true">check_circle</mat-icon> {{ 'chat.close' | transloco }}
      </button>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      margin-inline-end: 6px;
      background: var(--mat-sys-outline);
    }
    .dot.online {
      background: #1e8e3e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatActions {
  readonly chat = input.required<ChatDto>();
  readonly changed = output<ChatDto>();

  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);
  readonly busy = signal(false);
  readonly operators = signal<OperatorPresenceDto[]>([]);
  readonly me = computed(() => this.session.me()?.user?.id ?? null);
  readonly mine = computed(() => !!this.me() && this.chat().assignee?.id === this.me());

  async loadOperators(): Promise<void> {
    try {
      this.operators.set(await firstValueFrom(this.http.get<OperatorPresenceDto[]>('/v1/inbox/operators')));
    } catch (err) {
      this.notify.error(err, t('chat.operatorsFailed'));
    }
  }

  act(what: 'close' | 'reopen'): Promise<void> {
    return this.run(
      `/v1/chats/${this.chat().id}/${what}`,
      {},
      t(what === 'close' ? 'chat.closeFailed' : 'chat.reopenFailed'),
    );
  }

  assign(userId: string | null): Promise<void> {
    return this.run(`/v1/chats/${this.chat().id}/assign`, { userId }, t('chat.assignFailed'));
  }

  private async run(url: string, body: object, failed: string): Promise<void> {
    this.busy.set(true);
    try {
      this.changed.emit(await firstValueFrom(this.http.post<ChatDto>(url, body)));
    } catch (err) {
      this.notify.error(err, failed);
    } finally {
      this.busy.set(false);
    }
  }
}
