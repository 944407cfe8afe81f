import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import type { S3ExportSettings, UpdateS3ExportSettingsRequest } from '@satchel/contracts';
import { t, tOptional } from '../../i18n/translate';

export type S3ExportForm = FormGroup<{
  /** Shown as "Export to S3: on/off"; stored inverted as seed 002's `disabled`. */
  exportOn: FormControl<boolean>;
  accessKeyId: FormControl<string>;
  secretAccessKey: FormControl<string>;
  region: FormControl<string>;
  bucket: FormControl<string>;
  folder: FormControl<string>;
  endpoint: FormControl<string>;
}>;

const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/** AWS bucket naming: 3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric. */
export const bucketValidator: ValidatorFn = (c: AbstractControl<string>) =>
  !c.value || (BUCKET.test(c.value) && !c.value.includes('..')) ? null : { bucket: true };

export const regionValidator: ValidatorFn = (c: AbstractControl<string>) =>
  !c.value || REGION.test(c.value) ? null : { region: true };

/** A relative folder path: no leading slash, no `..`, no backslashes. */
export const folderValidator: ValidatorFn = (c: AbstractControl<string>) => {
  const v = c.value ?? '';
  if (!v) return null;
  return v.startsWith('/') || v.split('/').includes('..') || v.includes('\\') || v.length > 200
    ? { folder: true }
    : null;
};

export const httpUrlValidator: ValidatorFn = (c: AbstractControl<string>): ValidationErrors | null => {
  if (!c.value) return null;
  try {
    const u = new URL(c.value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : { url: true };
  } catch {
    return { url: true };
  }
};

/** Keys are write-only: required only while none is stored. */
export function keyRequired(isStored: () => boolean): ValidatorFn {
  return (c: AbstractControl<string>) => (isStored() || c.value?.trim() ? null : { required: true });
}

export function createS3Form(
  fb: NonNullableFormBuilder,
  stored: () => S3ExportSettings | null,
): S3ExportForm {
  return fb.group({
    exportOn: fb.control(true),
    accessKeyId: fb.control('', [keyRequired(() => !!stored()?.accessKeyIdLast4), Validators.maxLength(128)]),
    secretAccessKey: fb.control('', [
      keyRequired(() => !!stored()?.secretAccessKeyLast4),
      Validators.maxLength(256),
    ]),
    region: fb.control('us-east-1', [Validators.required, regionValidator]),
    bucket: fb.control('', [Validators.required, bucketValidator]),
    folder: fb.control('', [folderValidator]),
    endpoint: fb.control('', [httpUrlValidator]),
  });
}

/** Empty key fields keep the stored secrets. */
export function s3Request(form: S3ExportForm): UpdateS3ExportSettingsRequest {
  const v = form.getRawValue();
  const body: UpdateS3ExportSettingsRequest = {
    disabled: !v.exportOn,
    region: v.region.trim(),
    bucket: v.bucket.trim(),
    folder: v.folder.trim().replace(/\/+$/, ''),
    endpoint: v.endpoint.trim() || null,
  };
  if (v.accessKeyId.trim()) body.accessKeyId = v.accessKeyId.trim();
  if (v.secretAccessKey.trim()) body.secretAccessKey = v.secretAccessKey.trim();
  return body;
}

export function s3ErrorText(form: S3ExportForm, field: keyof S3ExportForm['controls']): string | null {
  const errors = form.controls[field].errors;
  if (!errors) return null;
  if (errors['server']) return errors['server'] as string;
  const key = Object.keys(errors)[0];
  return tOptional(`s3.errors.${field}.${key}`) ?? t('s3.errors.invalid');
}
