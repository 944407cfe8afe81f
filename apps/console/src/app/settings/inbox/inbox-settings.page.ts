import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  SEARCH_LANGUAGES,
  type AccountDto,
  type InboxSettings,
  type SearchLanguage,
  type UpdateAccountRequest,
} from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../../core/notify.service';
import { t } from '../../i18n/translate';

/**
 * Inbox behaviour: reopening closed chats when the visitor writes, round-robin assignment, and the
 * account's search language. Saved on change.
 */
@Component({
  selector: 'sc-inbox-settings-page',
  imports: [MatCardModule, MatFormFieldModule, MatSelectModule, MatSlideToggleModule, TranslocoPipe],
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
      @if (searchLanguage(); as language) {
        <h2 id="search-settings-title">{{ 'inboxSettings.searchTitle' | transloco }}</h2>
        <mat-card appearance="outlined" aria-labelledby="search-settings-title">
          <mat-card-content>
            <mat-form-field class="language">
              <mat-label>{{ 'inboxSettings.language' | transloco }}</mat-label>
              <mat-select
                [value]="language"
                [disabled]="saving()"
                (selectionChange)="saveLanguage($event.value)"
                data-testid="search-language"
              >
                @for (l of languages; track l) {
                  <mat-option [value]="l">{{ 'inboxSettings.languages.' + l | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <p class="help">{{ 'inboxSettings.languageHelp' | transloco }}</p>
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
    h2 {
      margin: 24px 0 8px;
    }
    .language {
      width: 100%;
      max-width: 360px;
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
  readonly searchLanguage = signal<SearchLanguage | null>(null);
  readonly saving = signal(false);
  readonly languages = SEARCH_LANGUAGES;

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [settings, account] = await Promise.all([
        firstValueFrom(this.http.get<InboxSettings>('/v1/settings/inbox')),
        firstValueFrom(this.http.get<AccountDto>('/v1/account')),
      ]);
      this.settings.set(settings);
      this.searchLanguage.set(account.searchLanguage);
    } catch (err) {
      this.notify.error(err, t('inboxSettings.loadFailed'));
    }
  }

  /** The account's search language; the API re-indexes existing texts in the background. */
  async saveLanguage(searchLanguage: SearchLanguage): Promise<void> {
    this.saving.set(true);
    try {
      const body: UpdateAccountRequest = { searchLanguage };
      const account = await firstValueFrom(this.http.patch<AccountDto>('/v1/account', body));
      this.searchLanguage.set(account.searchLanguage);
      this.notify.success(t('inboxSettings.languageSaved'));
    } catch (err) {
      this.notify.error(err, t('inboxSettings.languageSaveFailed'));
    } finally {
      this.saving.set(false);
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
