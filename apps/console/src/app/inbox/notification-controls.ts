import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { InboxNotifications } from './inbox-notifications';

/** The inbox's sound switch and the one button that asks for desktop notifications. */
@Component({
  selector: 'sc-notification-controls',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="mute"
      (click)="n.toggleMute()"
      [attr.aria-pressed]="n.muted()"
      [attr.aria-label]="'notify.mute' | transloco"
      [title]="'notify.mute' | transloco"
    >
      <mat-icon aria-hidden="true">{{ n.muted() ? 'volume_off' : 'volume_up' }}</mat-icon>
    </button>
    @if (n.permission() === 'default') {
      <button mat-button type="button" class="desktop" (click)="n.askPermission()">
        <mat-icon aria-hidden="true">notifications</mat-icon> {{ 'notify.enableDesktop' | transloco }}
      </button>
    } @else if (n.permission() === 'denied') {
      <span class="muted blocked">{{ 'notify.blocked' | transloco }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
    }
    .blocked {
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationControls {
  readonly n = inject(InboxNotifications);
}
