import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InboxSettings } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../../core/notify.service';
import { t } from '../../i18n/translate';

/** Inbox behaviour: reopening closed chats when the visitor writes, round-robin assignment. Saved on change. */
@Component({
  selector: 'sc-inbox-settings-page',
  imports: [MatCardModule, MatSlideToggleModule, TranslocoPipe],
  template: `
    <section class="page" aria-labelledby="inbox-settings-title">
      <h1 id="inbox-settings-title">{{ 'inboxSettings.title' | transloco }}</h1>
      @if (settings(); as s) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <mat-slide-toggle
              [checked]="s.reopenOnVisitorMessage"
              [disabled]="saving()"
              (change)="save({ reopenOnVisitorMessage: $event.checked })"
              >{{ 'inboxSettings.reopen' | transloco }}</mat-slide-toggle
            >
            <p class="help">{{ 'inboxSettings.reopenHelp' | transloco }}</p>
            <mat-slide-toggle
              [checked]="s.autoAssign"
              [disabled]="saving()"
              (change)="save({ autoAssign: $event.checked })"
              >{{ 'inboxSettings.autoAssign' | transloco }}</mat-slide-toggle
            >
            <p class="help">{{ 'inboxSettings.autoAssignHelp' | transloco }}</p>
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  styles: `
    .page {
      padding: 24px;
      max-width: 720px;
    }
    .help {
      margin: 4px 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxSettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  readonly settings = signal<InboxSettings | null>(null);
  readonly saving = signal(false);

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.settings.set(await firstValueFrom(this.http.get<InboxSettings>('/v1/settings/inbox')));
    } catch (err) {
      this.notify.error(err, t('inboxSettings.loadFailed'));
    }
  }

  async save(patch: Partial<InboxSettings>): Promise<void> {
    this.saving.set(true);
    try {
      this.settings.set(await firstValueFrom(this.http.put<InboxSettings>('/v1/settings/inbox', patch)));
      this.notify.success(t('inboxSettings.saved'));
    } catch (err) {
      this.notify.error(err, t('inboxSettings.saveFailed'));
    } finally {
      this.saving.set(false);
    }
  }
}
