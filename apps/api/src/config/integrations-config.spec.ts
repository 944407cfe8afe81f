import { loadConfig } from './app-config';

describe('integrations configuration', () => {
  it('has durable-delivery defaults', () => {
    const c = loadConfig({});
    expect(c.callbacks).toEqual({
      timeoutMs: 30000,
      retryScheduleMs: [10000, 60000, 600000, 3600000, 21600000],
      retryOnRefusal: true,
    });
    expect(c.integrations).toEqual({
      exportRetryScheduleMs: [10000, 60000, 600000, 3600000, 21600000],
      reconcileIntervalMs: 60000,
      reconcileGraceMs: 30000,
      reconcileWatchIntervalMs: 10000,
    });
    expect(c.jobs).toEqual({ lockDurationMs: 30000, stalledIntervalMs: 30000 });
  });

  it('reads schedules with units and overrides', () => {
    const c = loadConfig({
      CALLBACK_RETRY_SCHEDULE: '50ms,100ms',
      CALLBACK_RETRY_ON_REFUSAL: 'false',
      EXPORT_RETRY_SCHEDULE: '1s,2m,1h',
      RECONCILE_INTERVAL_MS: '2000',
      RECONCILE_GRACE_MS: '0',
      JOB_LOCK_DURATION_MS: '1000',
      JOB_STALLED_INTERVAL_MS: '500',
    });
    expect(c.callbacks.retryScheduleMs).toEqual([50, 100]);
    expect(c.callbacks.retryOnRefusal).toBe(false);
    expect(c.integrations).toEqual({
      exportRetryScheduleMs: [1000, 120000, 3600000],
      reconcileIntervalMs: 2000,
      reconcileGraceMs: 0,
      reconcileWatchIntervalMs: 10000,
    });
    expect(c.jobs).toEqual({ lockDurationMs: 1000, stalledIntervalMs: 500 });
  });

  it.each([
    [{ EXPORT_RETRY_SCHEDULE: '10s,,1m' }, 'EXPORT_RETRY_SCHEDULE'],
    [{ CALLBACK_RETRY_SCHEDULE: 'soon' }, 'CALLBACK_RETRY_SCHEDULE'],
    [{ RECONCILE_INTERVAL_MS: '10' }, 'RECONCILE_INTERVAL_MS'],
    [{ JOB_LOCK_DURATION_MS: 'x' }, 'JOB_LOCK_DURATION_MS'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});
