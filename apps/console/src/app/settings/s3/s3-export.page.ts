import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { S3ExportSettings, TestResult } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorField, errorMessage } from '../../core/api-error';
import { Notify } from '../../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../../core/unsaved-changes';
import { clearWhenValid, formReady, onEdit, SettingsLoad } from '../settings-page';
import { SecretsWarning } from '../secrets-warning';
import { TestResultView } from '../test-result';
import { S3ExportApi } from './s3-export.api';
import { createS3Form, s3ErrorText, s3Request, type S3ExportForm } from './s3-export.form';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../../i18n/translate';

@Component({
  selector: 'sc-s3-export-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TestResultView,
    SecretsWarning,
    TranslocoPipe,
  ],
  templateUrl: './s3-export.page.html',
  styleUrl: './s3-export.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class S3ExportPage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(S3ExportApi);
  private readonly notify = inject(Notify);

  private readonly secretsWarning = viewChild(SecretsWarning);
  readonly stored = signal<S3ExportSettings | null>(null);
  readonly form = createS3Form(inject(NonNullableFormBuilder), () => this.stored());
  readonly loader = new SettingsLoad(
    () => this.api.get(),
    (s) => this.apply(s),
  );
  readonly busy = signal<'save' | 'test' | 'backlog' | null>(null);
  readonly saveError = signal<string | null>(null);
  readonly testResult = signal<TestResult | null>(null);
  readonly backlogMessage = signal<string | null>(null);

  constructor() {
    clearWhenValid(this.form, this.saveError);
    onEdit(this.form, () => this.testResult.set(null));
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  errorText(field: keyof S3ExportForm['controls']): string | null {
    return s3ErrorText(this.form, field);
  }

  async save(): Promise<void> {
    this.saveError.set(null);
    if (!formReady(this.form, this.saveError)) return;
    this.busy.set('save');
    try {
      this.apply(await firstValueFrom(this.api.update(s3Request(this.form))));
      this.notify.success(t('s3.saved'));
    } catch (err) {
      this.saveError.set(errorMessage(err));
      const field = errorField(err) as keyof S3ExportForm['controls'] | undefined;
      if (field && field in this.form.controls)
        this.form.controls[field].setErrors({ server: errorMessage(err) });
    } finally {
      this.busy.set(null);
    }
  }

  /** Tests what is in the form (unsaved values included): writes and deletes a probe object. */
  async test(): Promise<void> {
    this.testResult.set(null);
    if (!formReady(this.form, this.saveError)) return;
    this.busy.set('test');
    try {
      this.testResult.set(await firstValueFrom(this.api.test(s3Request(this.form))));
    } catch (err) {
      this.testResult.set({ ok: false, message: errorMessage(err), durationMs: 0 });
    } finally {
      this.busy.set(null);
    }
  }

  async exportBacklog(): Promise<void> {
    this.backlogMessage.set(null);
    this.busy.set('backlog');
    try {
      const { enqueued } = await firstValueFrom(this.api.exportBacklog());
      this.backlogMessage.set(enqueued === 0 ? t('s3.nothing') : t('s3.queued', { count: enqueued }));
    } catch (err) {
      this.notify.error(err, t('s3.backlogFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  private apply(s: S3ExportSettings): void {
    this.stored.set(s);
    void this.secretsWarning()?.refresh();
    this.form.reset({
      exportOn: !s.disabled,
      accessKeyId: '',
      secretAccessKey: '',
      region: s.region,
      bucket: s.bucket ?? '',
      folder: s.folder,
      endpoint: s.endpoint ?? '',
    });
  }
}
