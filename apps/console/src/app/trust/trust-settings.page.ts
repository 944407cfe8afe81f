import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ActiveContentPolicy, ScanFailMode, TrustSettings } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { Notify } from '../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../core/unsaved-changes';
import { SettingsLoad } from '../settings/settings-page';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../i18n/translate';
import { TrustApi } from './trust.api';

/** Encryption at rest, what a scanner outage does, and active content: each with a plain explanation. */
@Component({
  selector: 'sc-trust-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  template: `
    <section class="page" aria-labelledby="trust-title">
      <h1 id="trust-title">{{ 'trustSettings.title' | transloco }}</h1>
      <div class="progress">
        @if (loader.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'trustSettings.loading' | transloco" />
        }
      </div>
      @if (loader.error(); as m) {
        <div role="alert" class="empty-state">
          <p>{{ 'trustSettings.loadFailed' | transloco: { message: m } }}</p>
          <button mat-stroked-button type="button" (click)="loader.run()">
            {{ 'common.tryAgain' | transloco }}
          </button>
        </div>
      } @else if (!loader.loading()) {
        <form [formGroup]="form" (ngSubmit)="save()">
          <mat-card appearance="outlined">
            <mat-card-header
              ><h2 mat-card-title>{{ 'trustSettings.encryption' | transloco }}</h2></mat-card-header
            >
            <mat-card-content>
              <mat-slide-toggle formControlName="encryptionAtRest">{{
                'trustSettings.encryptToggle' | transloco
              }}</mat-slide-toggle>
              <p class="help">{{ 'trustSettings.encryptionHelp' | transloco }}</p>
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-header
              ><h2 mat-card-title>{{ 'trustSettings.scanning' | transloco }}</h2></mat-card-header
            >
            <mat-card-content>
              @if (scanningAvailable()) {
                <p class="help">{{ 'trustSettings.scanningHelp' | transloco }}</p>
              } @else {
                <p class="help" role="note">
                  <mat-icon inline aria-hidden="true">info</mat-icon>
                  {{ 'trustSettings.noScanner' | transloco }}
                </p>
              }
              <p id="fail-mode-label" class="label">{{ 'trustSettings.failModeLabel' | transloco }}</p>
              <mat-radio-group
                formControlName="scanFailMode"
                aria-labelledby="fail-mode-label"
                class="options"
              >
                <mat-radio-button value="closed">{{
                  'trustSettings.failClosed' | transloco
                }}</mat-radio-button>
                <mat-radio-button value="open">{{ 'trustSettings.failOpen' | transloco }}</mat-radio-button>
              </mat-radio-group>
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-header
              ><h2 mat-card-title>{{ 'trustSettings.activeContent' | transloco }}</h2></mat-card-header
            >
            <mat-card-content>
              <p class="help">{{ 'trustSettings.activeContentHelp' | transloco }}</p>
              <mat-radio-group
                formControlName="activeContent"
                [attr.aria-label]="'trustSettings.activeContent' | transloco"
                class="options"
              >
                <mat-radio-button value="attachment">{{
                  'trustSettings.activeAttachment' | transloco
                }}</mat-radio-button>
                <mat-radio-button value="refuse">{{
                  'trustSettings.activeRefuse' | transloco
                }}</mat-radio-button>
              </mat-radio-group>
            </mat-card-content>
          </mat-card>
          @if (saveError(); as m) {
            <p class="error-text" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving() || form.pristine">
              {{ 'common.save' | transloco }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .page {
      padding: 24px;
      max-width: 860px;
    }
    .progress {
      height: 4px;
    }
    mat-card {
      margin-bottom: 16px;
    }
    .help {
      max-width: 72ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .label {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    .error-text {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrustSettingsPage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(TrustApi);
  private readonly notify = inject(Notify);

  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    encryptionAtRest: this.fb.control(true),
    scanFailMode: this.fb.control<ScanFailMode>('closed'),
    activeContent: this.fb.control<ActiveContentPolicy>('attachment'),
  });
  readonly scanningAvailable = signal(false);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly loader = new SettingsLoad(
    () => this.api.settings(),
    (s) => this.apply(s),
  );

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  async save(): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    try {
      this.apply(await firstValueFrom(this.api.updateSettings(this.form.getRawValue())));
      this.notify.success(t('trustSettings.saved'));
    } catch (err) {
      this.saveError.set(errorMessage(err));
    } finally {
      this.saving.set(false);
    }
  }

  private apply(s: TrustSettings): void {
    this.scanningAvailable.set(s.scanningAvailable);
    this.form.reset({
      encryptionAtRest: s.encryptionAtRest,
      scanFailMode: s.scanFailMode,
      activeContent: s.activeContent,
    });
  }
}
