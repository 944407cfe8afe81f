import { ConfigError, loadConfig } from './app-config';

const AZURE_CS =
  'DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:1/a';

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
    [{ STORAGE_DRIVER: 'azure', AZURE_CONTAINER: 'files' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [{ STORAGE_DRIVER: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURE_CS }, 'AZURE_CONTAINER'],
    [
      { STORAGE_DRIVER: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'not a connection string' },
      'AZURE_STORAGE_CONNECTION_STRING',
    ],
    [{ AZURE_CONTAINER: 'Bad_Name' }, 'AZURE_CONTAINER'],
    [{ AZURE_STORAGE_CONNECTION_STRING: 'AccountName=a;AccountKey=a2V5' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [
      { AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5' },
      'AZURE_STORAGE_CONNECTION_STRING',
    ],
    [{ STORAGE_DRIVER: 'gcs', GCS_PROJECT_ID: 'p' }, 'GCS_BUCKET'],
    [{ STORAGE_DRIVER: 'gcs', GCS_BUCKET: 'files' }, 'GCS_PROJECT_ID'],
    [{ GCS_API_ENDPOINT: 'ftp://127.0.0.1' }, 'GCS_API_ENDPOINT'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ NODE_ENV: 'production' }, 'SECRETS_KEY'],
    [{ RATE_LIMIT_LOGIN_IP: '10 per minute' }, 'RATE_LIMIT_LOGIN_IP'],
    [{ RATE_LIMIT_UPLOAD_VISITOR: '0/60' }, 'RATE_LIMIT_UPLOAD_VISITOR'],
    [{ RATE_LIMIT_MESSAGE_CHAT: '10/0' }, 'RATE_LIMIT_MESSAGE_CHAT'],
    [{ ARGON2_MEMORY_KIB: '4096' }, 'ARGON2_MEMORY_KIB'],
    [{ ARGON2_TIME_COST: '1' }, 'ARGON2_TIME_COST'],
    [{ ARGON2_PARALLELISM: '0' }, 'ARGON2_PARALLELISM'],
    [{ PASSWORD_HASH_CONCURRENCY: '0' }, 'PASSWORD_HASH_CONCURRENCY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('reads rate limits as points/seconds and defaults argon2id to the OWASP minimum', () => {
    const c = loadConfig({ RATE_LIMIT_LOGIN_EMAIL: '5/300' });
    expect(c.rateLimits.login_email).toEqual({ points: 5, seconds: 300 });
    expect(c.rateLimits.upload_visitor).toEqual({ points: 30, seconds: 60 });
    expect(c.passwords).toEqual({
      argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
      concurrency: 2,
      queue: 64,
    });
  });

  it('names every variable a storage driver still lacks', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 'azure' })).toThrow(
      /AZURE_STORAGE_CONNECTION_STRING: required when STORAGE_DRIVER=azure\n.*AZURE_CONTAINER: required/,
    );
  });

  it('reads the Azure and GCS settings', () => {
    const azure = loadConfig({
      STORAGE_DRIVER: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: AZURE_CS,
      AZURE_CONTAINER: 'files',
    });
    expect(azure.storage).toMatchObject({
      driver: 'azure',
      azure: { connectionString: AZURE_CS, container: 'files' },
    });
    const gcs = loadConfig({
      STORAGE_DRIVER: 'gcs',
      GCS_BUCKET: 'satchel-files',
      GCS_PROJECT_ID: 'satchel',
      GCS_API_ENDPOINT: 'http://127.0.0.1:4443',
    });
    expect(gcs.storage).toMatchObject({
      driver: 'gcs',
      gcs: { bucket: 'satchel-files', projectId: 'satchel', apiEndpoint: 'http://127.0.0.1:4443' },
    });
  });

  it.each([
    AZURE_CS,
    'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net',
    'BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2024-01-01&sig=x%3D',
    'UseDevelopmentStorage=true',
  ])('accepts the Azure connection string %s', (cs) => {
    expect(loadConfig({ AZURE_STORAGE_CONNECTION_STRING: cs }).storage.azure.connectionString).toBe(cs);
  });

  it('accepts a hex secrets key', () => {
    expect(loadConfig({ SECRETS_KEY: 'ab'.repeat(32) }).secretsKey?.length).toBe(32);
  });
});
