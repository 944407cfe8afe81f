import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { formatBytes, KB } from '@satchel/domain';
import { startWith, switchMap } from 'rxjs';
import { parsedTypes, ruleErrorText, sizeHint, type UploadRuleForm } from './upload-rule.form';

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

  readonly title = computed(() => (this.role() === 'visitor' ? 'Visitors' : 'Operators'));
  readonly subtitle = computed(() =>
    this.role() === 'visitor'
      ? 'File upload for users: files visitors send through the chat widget.'
      : 'File upload for operators: files agents, admins and API clients send to visitors.',
  );
  readonly types = computed(() => parsedTypes(this.value()?.allowedTypes ?? ''));
  readonly hint = computed(() => sizeHint(this.value()?.maxSizeKb ?? null));
  readonly ceiling = computed(
    () => `Platform limit: ${this.platformMaxKb()} KB (${formatBytes(this.platformMaxKb() * KB)})`,
  );
  readonly typesError = computed(
    () => (this.status(), this.value(), ruleErrorText(this.form(), 'allowedTypes')),
  );
  readonly sizeError = computed(() => (this.status(), this.value(), ruleErrorText(this.form(), 'maxSizeKb')));
}
