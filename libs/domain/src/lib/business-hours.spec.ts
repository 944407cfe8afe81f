import { isOpenAt, isTimeZone, wallClock } from './business-hours';

const weekdays = { open: '09:00', close: '17:00' };
const hours = { timeZone: 'Europe/Berlin', days: { mon: weekdays, tue: weekdays } };

describe('business hours', () => {
  it('reads the wall clock in the account time zone', () => {
    // Monday 2026-11-23 07:30 UTC is 08:30 in Berlin (CET, UTC+1).
    expect(wallClock(new Date('2026-11-23T07:30:00Z'), 'Europe/Berlin')).toEqual({
      day: 'mon',
      time: '08:30',
    });
  });

  it('is open inside the window and closed before, at closing time and on days without hours', () => {
    expect(isOpenAt(hours, new Date('2026-11-23T07:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-11-23T08:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-11-23T16:00:00Z'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-11-25T10:00:00Z'))).toBe(false);
  });

  it('is always open without hours', () => {
    expect(isOpenAt(null, new Date())).toBe(true);
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
