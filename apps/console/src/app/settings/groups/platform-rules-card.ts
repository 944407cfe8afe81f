import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PlatformUploadSettings } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { Notify } from '../../core/notify.service';
import { UploadGroupsApi } from './upload-groups.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../../i18n/translate';

/** The platform owner's defaults (what accounts inherit) and ceiling (what nobody exceeds). */
@Component({
  selector: 'sc-platform-rules-card',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <mat-card appearance="outlined" class="platform">
      <mat-card-header>
        <mat-card-title id="platform-title">{{ 'groups.platform.title' | transloco }}</mat-card-title>
        <mat-card-subtitle>{{ 'groups.platform.subtitle' | transloco }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (settings(); as s) {
          <form class="platform-form" (ngSubmit)="save()" aria-labelledby="platform-title">
            <mat-form-field>
              <mat-label>{{ 'groups.platform.operatorMb' | transloco }}</mat-label>
              <input
                matInput
                type="number"
                name="operatorMb"
                min="0.01"
                step="0.01"
                [(ngModel)]="operatorMb"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'groups.platform.visitorMb' | transloco }}</mat-label>
              <input matInput type="number" name="visitorMb" min="0.01" step="0.01" [(ngModel)]="visitorMb" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'groups.platform.ceilingMb' | transloco }}</mat-label>
              <input matInput type="number" name="ceilingMb" min="0.01" step="0.01" [(ngModel)]="ceilingMb" />
              <mat-hint>{{ 'groups.platform.ceilingHint' | transloco: { max: mb(s.hardLimitKb) } }}</mat-hint>
            </mat-form-field>
            @if (error(); as message) {
              <p class="error-text" role="alert">{{ message }}</p>
            }
            <div>
              <button mat-stroked-button type="submit">{{ 'groups.platform.save' | transloco }}</button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .platform {
      margin-bottom: 16px;
      max-width: 640px;
    }
    .platform-form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlatformRulesCard implements OnInit {
  private readonly api = inject(UploadGroupsApi);
  private readonly notify = inject(Notify);
  readonly settings = signal<PlatformUploadSettings | null>(null);
  readonly error = signal<string | null>(null);
  operatorMb = 0;
  visitorMb = 0;
  ceilingMb = 0;

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.apply(await firstValueFrom(this.api.platform()));
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  mb(kb: number): number {
    return Math.round((kb / 1024) * 100) / 100;
  }

  async save(): Promise<void> {
    this.error.set(null);
    const before = this.settings();
    if (!before) return;
    // Only what changed is sent: an untouched default keeps following the environment.
    const changed = (mb: number, kb: number) =>
      mb === this.mb(kb) ? undefined : Math.max(1, Math.round(mb * 1024));
    try {
      const saved = await firstValueFrom(
        this.api.updatePlatform({
          ceiling: { maxSizeKb: changed(this.ceilingMb, before.ceiling.maxSizeKb) },
          operator: { maxSizeKb: changed(this.operatorMb, before.operator.maxSizeKb) },
          visitor: { maxSizeKb: changed(this.visitorMb, before.visitor.maxSizeKb) },
        }),
      );
      this.apply(saved);
      this.notify.success(t('groups.platform.saved'));
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  private apply(s: PlatformUploadSettings): void {
    this.settings.set(s);
    this.operatorMb = this.mb(s.operator.maxSizeKb);
    this.visitorMb = this.mb(s.visitor.maxSizeKb);
    this.ceilingMb = this.mb(s.ceiling.maxSizeKb);
  }
}
