import { retryDelay } from './retry-schedule';

describe('retryDelay', () => {
  const schedule = [10_000, 60_000, 600_000];

  it('follows the schedule, the last step repeating', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelay(schedule, n, mid))).toEqual([10_000, 60_000, 600_000, 600_000]);
    expect(retryDelay([], 1, mid)).toBe(0);
  });

  it('adds at most 20 % jitter either way', () => {
    expect(retryDelay(schedule, 2, () => 0)).toBe(48_000);
    expect(retryDelay(schedule, 2, () => 0.999999)).toBe(72_000);
  });
});
