import { FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import type { PhotoCompression } from '@satchel/contracts';
import { PHOTO_COMPRESSION_DEFAULTS } from '@satchel/contracts';

export type PhotoCompressionForm = FormGroup<{
  enabled: FormControl<boolean>;
  maxDimensionPx: FormControl<number>;
  quality: FormControl<number>;
}>;

/** The same bounds as the server: 320–16384 px, quality 1–100, whole numbers. */
export function createCompressionForm(fb: NonNullableFormBuilder): PhotoCompressionForm {
  const whole = (min: number, max: number) => [
    Validators.required,
    Validators.min(min),
    Validators.max(max),
    Validators.pattern(/^\d+$/),
  ];
  return fb.group({
    enabled: fb.control(PHOTO_COMPRESSION_DEFAULTS.enabled),
    maxDimensionPx: fb.control(PHOTO_COMPRESSION_DEFAULTS.maxDimensionPx, whole(320, 16384)),
    quality: fb.control(PHOTO_COMPRESSION_DEFAULTS.quality, whole(1, 100)),
  });
}

export function compressionValue(form: PhotoCompressionForm): PhotoCompression {
  const v = form.getRawValue();
  return { enabled: v.enabled, maxDimensionPx: Number(v.maxDimensionPx), quality: Number(v.quality) };
}
