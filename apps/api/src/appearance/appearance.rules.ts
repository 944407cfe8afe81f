import type { BusinessHours, WidgetAppearance } from '@satchel/contracts';
import { WEEKDAYS } from '@satchel/contracts';
import {
  contrastRatio,
  HH_MM,
  isTimeZone,
  MIN_TEXT_CONTRAST,
  readableTextOn,
  roundRatio,
} from '@satchel/domain';
import { LOW_CONTRAST } from '@satchel/contracts';
import { ValidationError } from '../common/errors/domain-errors';
import type { StoredAppearance } from './widget-appearance.entity';

/** Refuses a brand colour on which neither white nor black text reaches 4.5:1 (WCAG AA). */
export function checkedBrand(color: string): { text: '#ffffff' | '#000000'; ratio: number } {
  const hex = color.toLowerCase();
  const text = readableTextOn(hex);
  const ratio = roundRatio(contrastRatio(hex, text));
  if (ratio < MIN_TEXT_CONTRAST)
    throw new ValidationError(
      `Text on ${hex} would have a contrast of ${ratio}:1, below ${MIN_TEXT_CONTRAST}:1: choose a darker or lighter colour`,
      'brandColor',
      { code: LOW_CONTRAST, ratio },
    );
  return { text, ratio };
}

/** A business-hours object with a known IANA zone and `HH:MM` windows that close after they open. */
export function checkedHours(raw: unknown): BusinessHours {
  const bad = (why: string): never => {
    throw new ValidationError(`businessHours ${why}`, 'businessHours');
  };
  const hours = raw as Partial<BusinessHours>;
  if (!isTimeZone(hours.timeZone)) bad('needs a valid IANA timeZone such as Europe/Berlin');
  if (typeof hours.days !== 'object' || hours.days === null || Array.isArray(hours.days)) bad('needs days');
  const days: BusinessHours['days'] = {};
  for (const [day, value] of Object.entries(hours.days as object)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) bad(`has an unknown day "${day.slice(0, 10)}"`);
    if (value === null) continue;
    const window = value as { open?: unknown; close?: unknown };
    if (
      typeof window.open !== 'string' ||
      typeof window.close !== 'string' ||
      !HH_MM.test(window.open) ||
      !HH_MM.test(window.close)
    )
      bad(`.${day} needs open and close as HH:MM`);
    if ((window.close as string) <= (window.open as string)) bad(`.${day} must close after it opens`);
    days[day as keyof BusinessHours['days']] = { open: window.open as string, close: window.close as string };
  }
  return { timeZone: hours.timeZone as string, days };
}

/** Trimmed text, or null when empty. */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The widget's view: the stored choices plus the derived text colour and the avatar's URL. */
export function widgetAppearanceOf(
  appearance: StoredAppearance,
  accountId: string,
  avatarKey: string | null,
): WidgetAppearance {
  const file = avatarKey?.split('/').pop();
  return {
    ...appearance,
    brandTextColor: readableTextOn(appearance.brandColor),
    avatarUrl: file ? `/v1/widget/avatars/${accountId}/${file}` : null,
  };
}
