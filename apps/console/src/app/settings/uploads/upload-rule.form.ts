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
  formatBytes,
  InvalidTypeListError,
  KB,
  parseAllowedTypes,
} from '@satchel/domain';
import { humanizeFieldNames } from '../../core/field-labels';

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
  return kb && kb > 0 ? `${kb} KB = ${formatBytes(kb * KB)}` : 'Size in KB (1 KB = 1024 bytes)';
}

export function ruleErrorText(form: UploadRuleForm, field: 'allowedTypes' | 'maxSizeKb'): string | null {
  const errors = form.controls[field].errors;
  if (!errors) return null;
  if (field === 'allowedTypes') {
    if (errors['required']) return 'List at least one file extension, e.g. pdf|xlsx.';
    if (errors['server']) return errors['server'] as string;
    return `${humanizeFieldNames(errors['allowedTypes'] as string)}. Use known extensions separated by |, e.g. pdf|xlsx.`;
  }
  if (errors['required']) return 'Enter a maximum size in KB.';
  if (errors['integer']) return 'Use a whole number of KB.';
  if (errors['min']) return 'The maximum size must be at least 1 KB.';
  if (errors['ceiling']) {
    const max = (errors['ceiling'] as { max: number }).max;
    return `At most ${max} KB (${formatBytes(max * KB)}), the platform limit.`;
  }
  if (errors['server']) return errors['server'] as string;
  return 'Invalid size.';
}

export function ruleValue(form: UploadRuleForm): UploadRule {
  const v = form.getRawValue();
  return {
    enabled: v.enabled,
    allowedTypes: parseAllowedTypes(v.allowedTypes).join('|'),
    maxSizeKb: v.maxSizeKb,
  };
}
