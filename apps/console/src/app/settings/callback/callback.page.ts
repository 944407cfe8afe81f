import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  EVENT_TYPES,
  type CallbackSettings,
  type CallbackSettingsWithSecret,
  type EventType,
  type TestResult,
} from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorField, errorMessage } from '../../core/api-error';
import { confirmAction } from '../../core/confirm-dialog';
import { Notify } from '../../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../../core/unsaved-changes';
import { clearWhenValid, formReady, onEdit, SettingsLoad } from '../settings-page';
import { SecretsWarning } from '../secrets-warning';
import { TestResultView } from '../test-result';
import { CallbackApi } from './callback.api';
import { callbackErrorText, callbackRequest, createCallbackForm } from './callback.form';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe } from '../../i18n/format.pipes';
import { t } from '../../i18n/translate';

@Component({
  selector: 'sc-callback-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TestResultView,
    SecretsWarning,
    TranslocoPipe,
    LocalDatePipe,
  ],
  templateUrl: './callback.page.html',
  styleUrl: './callback.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbackPage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(CallbackApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);
  private readonly clipboard = inject(Clipboard);

  readonly eventTypes = EVENT_TYPES;
  readonly form = createCallbackForm(inject(NonNullableFormBuilder));
  private readonly secretsWarning = viewChild(SecretsWarning);
  readonly stored = signal<CallbackSettings | null>(null);
  readonly newSecret = signal<string | null>(null);
  readonly loader = new SettingsLoad(
    () => this.api.get(),
    (s) => this.apply(s),
  );
  readonly busy = signal<'save' | 'test' | 'rotate' | null>(null);
  readonly saveError = signal<string | null>(null);
  readonly testResult = signal<TestResult | null>(null);

  constructor() {
    clearWhenValid(this.form, this.saveError);
    onEdit(this.form.controls.url, () => this.testResult.set(null));
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  errorText(field: 'url' | 'eventsUrl'): string | null {
    return callbackErrorText(this.form, field);
  }

  async save(): Promise<void> {
    this.saveError.set(null);
    if (!formReady(this.form, this.saveError)) return;
    this.busy.set('save');
    try {
      this.apply(await firstValueFrom(this.api.update(callbackRequest(this.form))));
      this.notify.success(t('callback.saved'));
    } catch (err) {
      this.saveError.set(errorMessage(err));
      const field = errorField(err);
      if (field === 'url' || field === 'eventsUrl')
        this.form.controls[field].setErrors({ server: errorMessage(err) });
    } finally {
      this.busy.set(null);
    }
  }

  /** Sends a small test file to the URL in the form (saved or not) and shows the receiver's reply. */
  async test(): Promise<void> {
    this.testResult.set(null);
    const url = this.form.controls.url;
    if (url.invalid || !url.value.trim()) {
      url.markAsTouched();
      this.testResult.set({ ok: false, message: t('callback.enterUrl'), durationMs: 0 });
      return;
    }
    this.busy.set('test');
    try {
      this.testResult.set(await firstValueFrom(this.api.test({ url: url.value.trim() })));
    } catch (err) {
      this.testResult.set({ ok: false, message: errorMessage(err), durationMs: 0 });
    } finally {
      this.busy.set(null);
    }
  }

  async rotate(): Promise<void> {
    const hasSecret = !!this.stored()?.secretLast4;
    if (
      hasSecret &&
      !(await confirmAction(this.dialog, {
        title: t('callback.rotateTitle'),
        message: t('callback.rotateMessage'),
        confirm: t('callback.rotate'),
        danger: true,
      }))
    ) {
      return;
    }
    this.busy.set('rotate');
    try {
      this.apply(await firstValueFrom(this.api.rotateSecret()));
    } catch (err) {
      this.notify.error(err, t('callback.rotateFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  copySecret(secret: string): void {
    if (this.clipboard.copy(secret)) this.notify.success(t('callback.copied'));
  }

  toggleEvent(type: EventType, on: boolean): void {
    const current = this.form.controls.eventTypes.value.filter((t) => t !== type);
    this.form.controls.eventTypes.setValue(on ? [...current, type] : current);
    this.form.markAsDirty();
  }

  private apply(s: CallbackSettingsWithSecret): void {
    this.stored.set(s);
    void this.secretsWarning()?.refresh();
    if (s.secret) this.newSecret.set(s.secret);
    this.form.reset({
      enabled: s.enabled,
      url: s.url ?? '',
      eventsEnabled: s.eventsEnabled,
      eventsUrl: s.eventsUrl ?? '',
      eventTypes: s.eventTypes,
    });
  }
}
