/**
 * Delay before the next try after `attemptsMade` failures: the configured schedule (already
 * growing, e.g. 10 s, 1 min, 10 min, 1 h, 6 h) with ±20 % jitter so retries of many deliveries
 * to one receiver spread out.
 */
export function retryDelay(
  schedule: number[],
  attemptsMade: number,
  random: () => number = Math.random,
): number {
  if (!schedule.length) return 0;
  const base = schedule[Math.min(Math.max(attemptsMade, 1), schedule.length) - 1] ?? 0;
  return Math.round(base * (0.8 + 0.4 * random()));
}
