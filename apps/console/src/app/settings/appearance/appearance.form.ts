import {
  FormArray,
  FormControl,
  FormGroup,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import {
  WEEKDAYS,
  type AppearanceSettings,
  type BusinessHours,
  type UpdateAppearanceRequest,
  type WidgetConfig,
  type WidgetLocaleCode,
} from '@satchel/contracts';
import { contrastRatio, HEX_COLOR, isTimeZone, readableTextOn, roundRatio } from '@satchel/domain';

export const LOCALE_NAMES: { code: WidgetLocaleCode | ''; name: string }[] = [
  { code: '', name: "The visitor's browser language" },
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch (German)' },
  { code: 'fr', name: 'Français (French)' },
  { code: 'es', name: 'Español (Spanish)' },
  { code: 'pt', name: 'Português (Portuguese)' },
  { code: 'ar', name: 'العربية (Arabic, right-to-left)' },
];

const text = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });
const flag = () => new FormControl(false, { nonNullable: true });

function dayGroup() {
  return new FormGroup(
    {
      open: flag(),
      from: new FormControl('09:00', { nonNullable: true }),
      to: new FormControl('17:00', { nonNullable: true }),
    },
    { validators: (g: AbstractControl) => closesAfterOpening(g) },
  );
}

function closesAfterOpening(g: AbstractControl): ValidationErrors | null {
  const v = g.value as { open: boolean; from: string; to: string };
  return v.open && !(v.to > v.from) ? { hours: 'Closing time must be after opening time' } : null;
}

const hexColor = (c: AbstractControl): ValidationErrors | null =>
  HEX_COLOR.test(String(c.value)) ? null : { color: 'Enter a colour as #rrggbb' };
const timeZone = (c: AbstractControl): ValidationErrors | null =>
  isTimeZone(c.value) ? null : { timeZone: 'Enter an IANA time zone such as Europe/Berlin' };

export function appearanceForm() {
  return new FormGroup({
    brandColor: new FormControl('#3056d3', { nonNullable: true, validators: [hexColor] }),
    position: new FormControl<'left' | 'right'>('right', { nonNullable: true }),
    launcherLabel: text(24),
    teamName: text(60),
    greeting: text(500),
    awayMessage: text(500),
    hoursOn: flag(),
    timeZone: new FormControl('UTC', { nonNullable: true, validators: [timeZone] }),
    days: new FormArray(WEEKDAYS.map(() => dayGroup())),
    preChatForm: flag(),
    defaultLocale: new FormControl<WidgetLocaleCode | ''>('', { nonNullable: true }),
    identityRequired: flag(),
  });
}

export type AppearanceForm = ReturnType<typeof appearanceForm>;
type Value = ReturnType<AppearanceForm['getRawValue']>;

/** The saved settings as form values. */
export function formValue(s: AppearanceSettings): Value {
  const a = s.appearance;
  const days = a.businessHours?.days ?? {};
  return {
    brandColor: a.brandColor,
    position: a.position,
    launcherLabel: a.launcherLabel ?? '',
    teamName: a.teamName ?? '',
    greeting: a.greeting ?? '',
    awayMessage: a.awayMessage ?? '',
    hoursOn: !!a.businessHours,
    timeZone: a.businessHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: WEEKDAYS.map((d) => {
      const w = days[d];
      return { open: !!w, from: w?.open ?? '09:00', to: w?.close ?? '17:00' };
    }),
    preChatForm: a.preChatForm,
    defaultLocale: a.defaultLocale ?? '',
    identityRequired: s.identity.required,
  };
}

function hoursOf(v: Value): BusinessHours | null {
  if (!v.hoursOn) return null;
  const days: BusinessHours['days'] = {};
  WEEKDAYS.forEach((d, i) => {
    const day = v.days[i];
    if (day?.open) days[d] = { open: day.from, close: day.to };
  });
  return { timeZone: v.timeZone, days };
}

const orNull = (s: string) => s.trim() || null;

/** The PUT body. */
export function toRequest(v: Value): UpdateAppearanceRequest {
  return {
    brandColor: v.brandColor,
    position: v.position,
    launcherLabel: orNull(v.launcherLabel),
    teamName: orNull(v.teamName),
    greeting: orNull(v.greeting),
    awayMessage: orNull(v.awayMessage),
    businessHours: hoursOf(v),
    preChatForm: v.preChatForm,
    defaultLocale: v.defaultLocale || null,
    identityRequired: v.identityRequired,
  };
}

/** What the preview frame shows: the unsaved values, the saved avatar. */
export function previewConfig(v: Value, saved: AppearanceSettings | null): WidgetConfig {
  const brand = HEX_COLOR.test(v.brandColor) ? v.brandColor.toLowerCase() : '#3056d3';
  const req = toRequest(v);
  return {
    version: saved?.version ?? 0,
    appearance: {
      brandColor: brand,
      brandTextColor: readableTextOn(brand),
      position: v.position,
      launcherLabel: req.launcherLabel ?? null,
      teamName: req.teamName ?? null,
      avatarUrl: saved?.appearance.avatarUrl ?? null,
      greeting: req.greeting ?? null,
      awayMessage: req.awayMessage ?? null,
      businessHours: isTimeZone(v.timeZone) ? (req.businessHours ?? null) : null,
      preChatForm: v.preChatForm,
      defaultLocale: req.defaultLocale ?? null,
    },
  };
}

export interface ContrastReport {
  text: 'white' | 'black';
  ratio: number;
  onWhite: number;
}

/** The text colour Satchel will use on the brand colour, and how both contrast (WCAG ratios). */
export function contrastOf(color: string): ContrastReport | null {
  if (!HEX_COLOR.test(color)) return null;
  const text = readableTextOn(color);
  return {
    text: text === '#ffffff' ? 'white' : 'black',
    ratio: roundRatio(contrastRatio(color, text)),
    onWhite: roundRatio(contrastRatio(color, '#ffffff')),
  };
}
