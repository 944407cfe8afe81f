import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.database.url).toBeUndefined();
    expect(c.storage).toMatchObject({ driver: 'disk', path: '.data/files' });
    expect(c.callbacks.retryScheduleMs).toEqual([10000, 60000, 600000, 3600000, 21600000]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'nope' }, 'REDIS_URL'],
    [{ SECRETS_KEY: 'short' }, 'SECRETS_KEY'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET'],
    [{ NODE_ENV: 'production' }, 'SECRETS_KEY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('accepts a hex secrets key', () => {
    expect(loadConfig({ SECRETS_KEY: 'ab'.repeat(32) }).secretsKey?.length).toBe(32);
  });
});
