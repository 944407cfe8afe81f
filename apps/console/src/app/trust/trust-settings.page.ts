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
  ],
  template: `
    <section class="page" aria-labelledby="trust-title">
      <h1 id="trust-title">Files you can trust</h1>
      <div class="progress">
        @if (loader.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" />
        }
      </div>
      @if (loader.error(); as m) {
        <div role="alert" class="empty-state">
          <p>Could not load the settings: {{ m }}</p>
          <button mat-stroked-button type="button" (click)="loader.run()">Try again</button>
        </div>
      } @else if (!loader.loading()) {
        <form [formGroup]="form" (ngSubmit)="save()">
          <mat-card appearance="outlined">
            <mat-card-header><mat-card-title>Encryption at rest</mat-card-title></mat-card-header>
            <mat-card-content>
              <mat-slide-toggle formControlName="encryptionAtRest"
                >Encrypt new files in storage</mat-slide-toggle
              >
              <p class="help">
                Each file is encrypted with its own key before it reaches the disk or bucket, so someone who
                copies the storage cannot read it. Downloads, callbacks and exports still get the original
                file. Turning this off affects new files only.
              </p>
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-header><mat-card-title>Malware scanning</mat-card-title></mat-card-header>
            <mat-card-content>
              @if (scanningAvailable()) {
                <p class="help">
                  Every upload is checked by the virus scanner while it arrives. Infected files go to the
                  Quarantine: nobody can download them and they are never delivered.
                </p>
              } @else {
                <p class="help" role="note">
                  <mat-icon inline aria-hidden="true">info</mat-icon>
                  No virus scanner is connected to this installation (CLAMAV_URL), so files are not scanned.
                  The choice below applies once one is.
                </p>
              }
              <p id="fail-mode-label" class="label">If the scanner is unavailable</p>
              <mat-radio-group
                formControlName="scanFailMode"
                aria-labelledby="fail-mode-label"
                class="options"
              >
                <mat-radio-button value="closed">
                  Refuse uploads until it is back (safest: people see "try again in a few minutes")
                </mat-radio-button>
                <mat-radio-button value="open">
                  Accept uploads and scan them as soon as it is back (files are marked "Not scanned yet")
                </mat-radio-button>
              </mat-radio-group>
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-header><mat-card-title>Active content</mat-card-title></mat-card-header>
            <mat-card-content>
              <p class="help">
                Some files can run code when opened: PDFs with JavaScript, launch actions or attached files,
                Office documents with macros, and SVG images.
              </p>
              <mat-radio-group formControlName="activeContent" aria-label="Active content" class="options">
                <mat-radio-button value="attachment">
                  Accept them, but only ever offer them as a download (never opened in the browser)
                </mat-radio-button>
                <mat-radio-button value="refuse">Refuse them, telling the sender why</mat-radio-button>
              </mat-radio-group>
            </mat-card-content>
          </mat-card>
          @if (saveError(); as m) {
            <p class="error-text" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving() || form.pristine">Save</button>
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
      this.notify.success('Settings saved');
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
