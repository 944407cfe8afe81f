/** Is a moment inside an account's business hours? Pure: the caller gives the clock. */

export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAY_KEYS)[number];
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface HoursLike {
  timeZone: string;
  days: Partial<Record<DayKey, { open: string; close: string } | null>>;
}

/** A valid IANA zone name for this runtime's `Intl` (`Europe/Berlin`, `UTC`). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The weekday and `HH:MM` wall-clock time of `at` in `timeZone`. */
export function wallClock(at: Date, timeZone: string): { day: DayKey; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = part('weekday').slice(0, 3).toLowerCase() as DayKey;
  return { day, time: `${part('hour')}:${part('minute')}` };
}

/** True when no hours are set (always open) or `at` falls in the day's [open, close) window. */
export function isOpenAt(hours: HoursLike | null | undefined, at: Date): boolean {
  if (!hours || !isTimeZone(hours.timeZone)) return true;
  const { day, time } = wallClock(at, hours.timeZone);
  const today = hours.days[day];
  return !!today && time >= today.open && time < today.close;
}
