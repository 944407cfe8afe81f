import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import { EVENT_TYPES, type EventType, type UpdateCallbackSettingsRequest } from '@satchel/contracts';
import { httpUrlValidator } from '../s3/s3-export.form';
import { t } from '../../i18n/translate';

export type CallbackForm = FormGroup<{
  enabled: FormControl<boolean>;
  url: FormControl<string>;
  eventsEnabled: FormControl<boolean>;
  eventsUrl: FormControl<string>;
  eventTypes: FormControl<EventType[]>;
}>;

/** A switched-on endpoint needs its URL. */
function urlWhenEnabled(toggle: 'enabled' | 'eventsEnabled', field: 'url' | 'eventsUrl'): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const g = group as CallbackForm;
    const control = g.controls[field];
    const missing = g.controls[toggle].value && !control.value.trim();
    const errors = { ...(control.errors ?? {}) };
    if (missing) errors['requiredWhenEnabled'] = true;
    else delete errors['requiredWhenEnabled'];
    control.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
    return null;
  };
}

export function createCallbackForm(fb: NonNullableFormBuilder): CallbackForm {
  return fb.group(
    {
      enabled: fb.control(false),
      url: fb.control('', [httpUrlValidator]),
      eventsEnabled: fb.control(false),
      eventsUrl: fb.control('', [httpUrlValidator]),
      eventTypes: fb.control<EventType[]>([...EVENT_TYPES]),
    },
    { validators: [urlWhenEnabled('enabled', 'url'), urlWhenEnabled('eventsEnabled', 'eventsUrl')] },
  );
}

export function callbackRequest(form: CallbackForm): UpdateCallbackSettingsRequest {
  const v = form.getRawValue();
  return {
    enabled: v.enabled,
    url: v.url.trim() || null,
    eventsEnabled: v.eventsEnabled,
    eventsUrl: v.eventsUrl.trim() || null,
    eventTypes: v.eventTypes,
  };
}

export function callbackErrorText(form: CallbackForm, field: 'url' | 'eventsUrl'): string | null {
  const errors = form.controls[field].errors;
  if (!errors) return null;
  if (errors['server']) return errors['server'] as string;
  if (errors['url']) return t('callback.urlInvalid');
  if (errors['requiredWhenEnabled']) return t('callback.urlRequired');
  return t('callback.invalid');
}
