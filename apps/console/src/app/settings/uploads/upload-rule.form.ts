import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import type { UploadRule } from '@satchel/contracts';
import {
  DEFAULT_ALLOWED_TYPES,
  DEFAULT_MAX_SIZE_KB,
  InvalidTypeListError,
  KB,
  parseAllowedTypes,
} from '@satchel/domain';
import { humanizeFieldNames } from '../../core/field-labels';
import { formatSize } from '../../i18n/format';
import { activeLang, t } from '../../i18n/translate';

export type UploadRuleForm = FormGroup<{
  enabled: FormControl<boolean>;
  allowedTypes: FormControl<string>;
  maxSizeKb: FormControl<number>;
}>;

/** The types a pipe-delimited list names, or [] while it is invalid. */
export function parsedTypes(list: string): string[] {
  try {
    return parseAllowedTypes(list);
  } catch {
    return [];
  }
}

/** Same parser as the server: an unknown or malformed token is named in the error. */
export const allowedTypesValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  try {
    parseAllowedTypes(control.value ?? '');
    return null;
  } catch (err) {
    if (err instanceof InvalidTypeListError) return { allowedTypes: err.message };
    throw err;
  }
};

/** Whole KB between 1 and the platform ceiling (read when validating, so it can arrive later). */
export function maxSizeValidator(ceilingKb: () => number): ValidatorFn {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const v = control.value;
    if (v === null || (v as unknown) === '') return { required: true };
    if (!Number.isInteger(v)) return { integer: true };
    if (v < 1) return { min: { min: 1 } };
    const ceiling = ceilingKb();
    return v > ceiling ? { ceiling: { max: ceiling } } : null;
  };
}

export function createRuleForm(fb: NonNullableFormBuilder, ceilingKb: () => number): UploadRuleForm {
  return fb.group({
    enabled: fb.control(true),
    allowedTypes: fb.control(DEFAULT_ALLOWED_TYPES, [Validators.required, allowedTypesValidator]),
    maxSizeKb: fb.control(DEFAULT_MAX_SIZE_KB, [maxSizeValidator(ceilingKb)]),
  });
}

/** "5120 KB = 5 MB". */
export function sizeHint(kb: number | null): string {
  return kb && kb > 0
    ? t('uploads.sizeHint', { kb, size: formatSize(kb * KB, activeLang()) })
    : t('uploads.sizeHintEmpty');
}

export function ruleErrorText(form: UploadRuleForm, field: 'allowedTypes' | 'maxSizeKb'): string | null {
  const errors = form.controls[field].errors;
  if (!errors) return null;
  if (field === 'allowedTypes') {
    if (errors['required']) return t('uploads.typesRequired');
    if (errors['server']) return errors['server'] as string;
    return t('uploads.typesInvalid', { problem: humanizeFieldNames(errors['allowedTypes'] as string) });
  }
  if (errors['required']) return t('uploads.sizeRequired');
  if (errors['integer']) return t('uploads.sizeInteger');
  if (errors['min']) return t('uploads.sizeMin');
  if (errors['ceiling']) {
    const max = (errors['ceiling'] as { max: number }).max;
    return t('uploads.sizeCeiling', { max, size: formatSize(max * KB, activeLang()) });
  }
  if (errors['server']) return errors['server'] as string;
  return t('uploads.sizeInvalid');
}

export function ruleValue(form: UploadRuleForm): UploadRule {
  const v = form.getRawValue();
  return {
    enabled: v.enabled,
    allowedTypes: parseAllowedTypes(v.allowedTypes).join('|'),
    maxSizeKb: v.maxSizeKb,
  };
}
