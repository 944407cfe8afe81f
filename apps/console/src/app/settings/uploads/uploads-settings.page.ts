import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { UploadSettings } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorField, errorMessage } from '../../core/api-error';
import { Notify } from '../../core/notify.service';
import { humanizeFieldNames } from '../../core/field-labels';
import { HasUnsavedChanges, warnBeforeUnload } from '../../core/unsaved-changes';
import { clearWhenValid, formReady, onEdit, SettingsLoad } from '../settings-page';
import { UploadSettingsApi } from './upload-settings.api';
import { createRuleForm, ruleValue } from './upload-rule.form';
import { UploadRulePanel } from './upload-rule-panel';
import { PhotoCompressionPanel } from './photo-compression-panel';
import { compressionValue, createCompressionForm } from './photo-compression.form';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../../i18n/translate';

@Component({
  selector: 'sc-uploads-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    UploadRulePanel,
    PhotoCompressionPanel,
    TranslocoPipe,
  ],
  templateUrl: './uploads-settings.page.html',
  styleUrl: './uploads-settings.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadsSettingsPage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(UploadSettingsApi);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly platformMaxKb = signal(0);
  readonly loader = new SettingsLoad(
    () => this.api.get(),
    (s) => this.apply(s),
  );
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly savedAt = signal<Date | null>(null);
  readonly form = this.fb.group({
    visitor: createRuleForm(this.fb, () => this.platformMaxKb()),
    operator: createRuleForm(this.fb, () => this.platformMaxKb()),
    accessTokenRequired: this.fb.control(false),
    loggingEnabled: this.fb.control(true),
    photoCompression: this.fb.group({
      visitor: createCompressionForm(this.fb),
      operator: createCompressionForm(this.fb),
    }),
  });

  constructor() {
    clearWhenValid(this.form, this.saveError);
    onEdit(this.form, () => this.savedAt.set(null));
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  async save(): Promise<void> {
    this.savedAt.set(null);
    this.saveError.set(null);
    if (!formReady(this.form, this.saveError, t('uploads.fixFirst'))) return;
    this.saving.set(true);
    try {
      const v = this.form.getRawValue();
      const saved = await firstValueFrom(
        this.api.update({
          visitor: ruleValue(this.form.controls.visitor),
          operator: ruleValue(this.form.controls.operator),
          accessTokenRequired: v.accessTokenRequired,
          loggingEnabled: v.loggingEnabled,
          photoCompression: {
            visitor: compressionValue(this.form.controls.photoCompression.controls.visitor),
            operator: compressionValue(this.form.controls.photoCompression.controls.operator),
          },
        }),
      );
      this.apply(saved);
      this.savedAt.set(new Date());
      this.notify.success(t('uploads.savedToast'));
    } catch (err) {
      this.showServerError(err);
    } finally {
      this.saving.set(false);
    }
  }

  private apply(s: UploadSettings): void {
    this.platformMaxKb.set(s.platformMaxSizeKb);
    this.form.reset({
      visitor: s.visitor,
      operator: s.operator,
      accessTokenRequired: s.accessTokenRequired,
      loggingEnabled: s.loggingEnabled,
      photoCompression: s.photoCompression,
    });
  }

  /** A 400 names the field (`visitor.allowedTypes`): show the message on it too. */
  private showServerError(err: unknown): void {
    const message = humanizeFieldNames(errorMessage(err));
    this.saveError.set(message);
    const [role, field] = (errorField(err) ?? '').split('.');
    if ((role === 'visitor' || role === 'operator') && (field === 'allowedTypes' || field === 'maxSizeKb')) {
      const control = this.form.controls[role].controls[field];
      control.setErrors({ server: message });
      control.markAsDirty();
    }
  }
}
