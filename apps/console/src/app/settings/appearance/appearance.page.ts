import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { WEEKDAYS, type AppearanceSettings } from '@satchel/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { confirmAction } from '../../core/confirm-dialog';
import { Notify } from '../../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../../core/unsaved-changes';
import { TranslateOrPipe } from '../../i18n/format.pipes';
import { t, tOptional } from '../../i18n/translate';
import { clearWhenValid, formReady, SettingsLoad } from '../settings-page';
import { AppearanceApi } from './appearance.api';
import {
  appearanceForm,
  contrastOf,
  formValue,
  LOCALE_NAMES,
  previewConfig,
  toRequest,
} from './appearance.form';

const AVATAR_MAX_BYTES = 512 * 1024;

@Component({
  selector: 'sc-appearance-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    TranslateOrPipe,
  ],
  templateUrl: './appearance.page.html',
  styleUrl: './appearance.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppearancePage implements OnInit, HasUnsavedChanges {
  private readonly api = inject(AppearanceApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);
  private readonly frame = viewChild<ElementRef<HTMLIFrameElement>>('preview');

  readonly form = appearanceForm();
  readonly days = WEEKDAYS.map((d, i) => ({ key: d, group: this.form.controls.days.at(i) }));
  readonly locales = LOCALE_NAMES;
  readonly saved = signal<AppearanceSettings | null>(null);
  readonly loader = new SettingsLoad(
    () => this.api.get(),
    (s) => this.apply(s),
  );
  readonly busy = signal<'save' | 'avatar' | 'rotate' | null>(null);
  readonly saveError = signal<string | null>(null);
  readonly avatarError = signal<string | null>(null);
  private readonly brand = toSignal(this.form.controls.brandColor.valueChanges, {
    initialValue: this.form.controls.brandColor.value,
  });
  readonly contrast = computed(() => contrastOf(this.brand()));

  constructor() {
    clearWhenValid(this.form, this.saveError);
    warnBeforeUnload(() => this.hasUnsavedChanges());
    const sub = this.form.valueChanges.subscribe(() => this.postPreview());
    const onMessage = (e: MessageEvent<{ type?: string }>) => {
      if (e.origin === location.origin && e.data?.type === 'satchel:preview-ready') this.postPreview();
    };
    window.addEventListener('message', onMessage);
    inject(DestroyRef).onDestroy(() => {
      sub.unsubscribe();
      window.removeEventListener('message', onMessage);
    });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  ngOnInit(): void {
    void this.loader.run();
  }

  error(name: 'brandColor' | 'timeZone'): string | null {
    const c = this.form.controls[name];
    if (!(c.touched || c.dirty) || !c.errors) return null;
    const key = Object.keys(c.errors)[0];
    return key ? (tOptional(`appearance.errors.${key}`) ?? String(c.errors[key])) : null;
  }

  /** Sends the form's current (unsaved) look to the preview frame. */
  postPreview(): void {
    const win = this.frame()?.nativeElement.contentWindow;
    if (!win) return;
    const config = previewConfig(this.form.getRawValue(), this.saved());
    win.postMessage({ type: 'satchel:appearance', config }, location.origin);
  }

  async save(): Promise<void> {
    this.saveError.set(null);
    if (!formReady(this.form, this.saveError)) return;
    await this.run('save', this.api.update(toRequest(this.form.getRawValue())), t('appearance.saved'));
  }

  async pickAvatar(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    this.avatarError.set(null);
    if (!file) return;
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) return this.avatarError.set(t('appearance.avatarType'));
    if (file.size > AVATAR_MAX_BYTES) return this.avatarError.set(t('appearance.avatarSize'));
    const dataUrl = await readAsDataUrl(file);
    await this.run('avatar', this.api.setAvatar(dataUrl), t('appearance.avatarSaved'), true);
  }

  async removeAvatar(): Promise<void> {
    await this.run('avatar', this.api.removeAvatar(), t('appearance.avatarRemoved'), true);
  }

  async rotateSecret(): Promise<void> {
    const sure = await confirmAction(this.dialog, {
      title: t('appearance.rotateTitle'),
      message: t('appearance.rotateMessage'),
      confirm: t('appearance.rotate'),
      danger: true,
    });
    if (sure) await this.run('rotate', this.api.rotateIdentitySecret(), t('appearance.rotated'), true);
  }

  /** Saves through `call`; `keepEdits` leaves unsaved form edits alone (avatar, secret). */
  private async run(
    what: 'save' | 'avatar' | 'rotate',
    call: Observable<AppearanceSettings>,
    done: string,
    keepEdits = false,
  ): Promise<void> {
    this.busy.set(what);
    try {
      const s = await firstValueFrom(call);
      if (keepEdits) this.saved.set(s);
      else this.apply(s);
      this.postPreview();
      this.notify.success(done);
    } catch (err) {
      if (what === 'avatar') this.avatarError.set(errorMessage(err));
      else if (what === 'save') this.saveError.set(errorMessage(err));
      else this.notify.error(err, t('appearance.rotateFailed'));
    } finally {
      this.busy.set(null);
    }
  }

  private apply(s: AppearanceSettings): void {
    this.saved.set(s);
    this.form.reset(formValue(s));
    this.postPreview();
  }
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(t('appearance.avatarUnreadable')));
    reader.readAsDataURL(file);
  });
}
