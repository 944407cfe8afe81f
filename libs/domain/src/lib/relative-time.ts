const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "2 min ago" in `lang`; a week or older as a date. `now` and `at` in ms. */
export function relativeTime(at: number, now: number, lang: string): string {
  let value = Math.round((at - now) / 1000);
  if (Math.abs(value) < 45) return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size)
      return new Intl.RelativeTimeFormat(lang, { style: 'short' }).format(value, unit);
    value = Math.round(value / size);
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(at);
}

/** The full date and time in the viewer's time zone (a timestamp's hover text). */
export function fullTime(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' }).format(at);
}
