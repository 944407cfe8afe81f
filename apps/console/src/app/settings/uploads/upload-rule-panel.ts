import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { KB } from '@satchel/domain';
import { startWith, switchMap } from 'rxjs';
import { parsedTypes, ruleErrorText, sizeHint, type UploadRuleForm } from './upload-rule.form';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatSize } from '../../i18n/format';
import { Locale } from '../../i18n/locale.service';

/** One role's rule (seed 002: "File upload for users" / "File upload for operators"). */
@Component({
  selector: 'sc-upload-rule-panel',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatSlideToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatChipsModule,
    TranslocoPipe,
  ],
  templateUrl: './upload-rule-panel.html',
  styleUrl: './upload-rule-panel.scss',
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadRulePanel {
  readonly form = input.required<UploadRuleForm>();
  readonly role = input.required<'visitor' | 'operator'>();
  readonly platformMaxKb = input.required<number>();

  private readonly value = toSignal(
    toObservable(this.form).pipe(switchMap((f) => f.valueChanges.pipe(startWith(f.value)))),
  );
  private readonly status = toSignal(
    toObservable(this.form).pipe(switchMap((f) => f.statusChanges.pipe(startWith(f.status)))),
  );

  private readonly locale = inject(Locale);
  readonly title = computed(() =>
    this.locale.t(this.role() === 'visitor' ? 'uploads.visitors' : 'uploads.operators'),
  );
  readonly subtitle = computed(() =>
    this.locale.t(this.role() === 'visitor' ? 'uploads.visitorsSubtitle' : 'uploads.operatorsSubtitle'),
  );
  readonly types = computed(() => parsedTypes(this.value()?.allowedTypes ?? ''));
  readonly hint = computed(() => (this.locale.lang(), sizeHint(this.value()?.maxSizeKb ?? null)));
  readonly ceiling = computed(() =>
    this.locale.t('uploads.platformLimit', {
      kb: this.platformMaxKb(),
      size: formatSize(this.platformMaxKb() * KB, this.locale.lang()),
    }),
  );
  readonly typesError = computed(
    () => (this.status(), this.value(), this.locale.lang(), ruleErrorText(this.form(), 'allowedTypes')),
  );
  readonly sizeError = computed(
    () => (this.status(), this.value(), this.locale.lang(), ruleErrorText(this.form(), 'maxSizeKb')),
  );
}
