import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AccountDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { confirmAction } from '../../core/confirm-dialog';
import { Notify } from '../../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../../core/unsaved-changes';
import { clearWhenValid, formReady, SettingsLoad } from '../settings-page';
import { allowedOriginsValidator, embedSnippet, originLines } from './embed-snippet';
import { InstallApi } from './install.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../../i18n/translate';

/** How long "Copied" stays next to the Copy button. */
const COPIED_MS = 4000;

@Component({
  selector: 'sc-install-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
  ],
  templateUrl: './install.page.html',
  styleUrl: './install.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstallPage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(InstallApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);

  readonly account = signal<AccountDto | null>(null);
  readonly snippet = computed(() => {
    const a = this.account();
    return a ? embedSnippet(window.location.origin, a.widgetKey) : '';
  });
  readonly form = inject(NonNullableFormBuilder).group({
    allowedOrigins: ['', allowedOriginsValidator],
  });
  readonly loader = new SettingsLoad(
    () => this.api.account(),
    (a) => this.apply(a),
  );
  readonly busy = signal<'save' | 'rotate' | null>(null);
  readonly saveError = signal<string | null>(null);
  readonly copied = signal<'ok' | 'failed' | null>(null);
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    clearWhenValid(this.form, this.saveError);
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  get originsError(): string | null {
    const c = this.form.controls.allowedOrigins;
    return c.touched || c.dirty ? ((c.errors?.['origins'] as string | undefined) ?? null) : null;
  }

  async copy(): Promise<void> {
    clearTimeout(this.copiedTimer);
    try {
      await navigator.clipboard.writeText(this.snippet());
      this.copied.set('ok');
    } catch {
      this.copied.set('failed');
    }
    this.copiedTimer = setTimeout(() => this.copied.set(null), COPIED_MS);
  }

  async save(): Promise<void> {
    this.saveError.set(null);
    if (!formReady(this.form, this.saveError)) return;
    this.busy.set('save');
    try {
      const allowedOrigins = originLines(this.form.controls.allowedOrigins.value);
      this.apply(await firstValueFrom(this.api.update({ allowedOrigins })));
      this.notify.success(t('install.saved'));
    } catch (err) {
      this.saveError.set(errorMessage(err));
    } finally {
      this.busy.set(null);
    }
  }

  async rotate(): Promise<void> {
    const sure = await confirmAction(this.dialog, {
      title: t('install.rotateTitle'),
      message: t('install.rotateMessage'),
      confirm: t('install.rotate'),
      danger: true,
    });
    if (!sure) return;
    this.busy.set('rotate');
    try {
      const a = await firstValueFrom(this.api.rotateWidgetKey());
      this.account.set(a);
      this.notify.success(t('install.rotated'));
    } catch (err) {
      this.notify.error(err, t('install.rotateFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  private apply(a: AccountDto): void {
    this.account.set(a);
    this.form.reset({ allowedOrigins: a.allowedOrigins.join('\n') });
  }
}
