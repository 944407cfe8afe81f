import { randomBytes } from 'node:crypto';
import { createDatabase, freePort, runToExit, startApi, tempDir } from './support/api-process';

describe('starting the built API', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT: '],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL: must be a postgres: or postgresql: URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must be a redis: or rediss: URL'],
    [{ SECRETS_KEY: 'too-short' }, 'SECRETS_KEY: must be 32 bytes'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD: must be at least 8 characters'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET: required when STORAGE_DRIVER=s3'],
    [
      {
        STORAGE_DRIVER: 'azure',
        AZURE_STORAGE_CONNECTION_STRING:
          'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net',
      },
      'AZURE_CONTAINER: required when STORAGE_DRIVER=azure',
    ],
    [{ STORAGE_DRIVER: 'gcs', GCS_BUCKET: 'files' }, 'GCS_PROJECT_ID: required when STORAGE_DRIVER=gcs'],
    [
      {
        STORAGE_DRIVER: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: 'AccountName=a;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:1/a',
        AZURE_CONTAINER: 'files',
      },
      'AZURE_STORAGE_CONNECTION_STRING: not a valid connection string',
    ],
  ])('refuses bad configuration %j and names the variable', async (env, message) => {
    const { code, output } = await runToExit(env);
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain(message);
  });

  it('stops with a clear error when Redis is unreachable', async () => {
    const db = await createDatabase();
    try {
      const { code, output } = await runToExit({
        DATABASE_URL: db.url,
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      });
      expect(code).toBe(1);
      expect(output).toMatch(
        /Redis is unreachable at redis:\/\/127\.0\.0\.1:\d+ .*Start Redis or set REDIS_URL/,
      );
    } finally {
      await db.drop();
    }
  });

  it('runs on an embedded PostgreSQL with no DATABASE_URL, prints the first login once, keeps data across restarts', async () => {
    const dir = tempDir();
    const env = {
      DATA_DIR: dir.path,
      EMBEDDED_PG_PORT: String(await freePort()),
      QUEUE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
    };
    try {
      const first = await startApi(env);
      const banner = first.output();
      for (const line of ['/console', '/demo', '/docs', 'admin@satchel.local'])
        expect(banner).toContain(line);
      const password = /admin@satchel\.local\s+(\S+)\s+\(generated: shown only this once\)/.exec(banner)?.[1];
      expect(password).toBeDefined();
      const login = await fetch(`${first.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@satchel.local', password }),
      });
      expect(login.status).toBe(200);
      await first.stop();

      const second = await startApi(env);
      expect(second.output()).toContain('(the password printed on first start)');
      expect(second.output()).not.toContain(password);
      const again = await fetch(`${second.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@satchel.local', password }),
      });
      expect(again.status).toBe(200);
      await second.stop();
    } finally {
      dir.remove();
    }
  });

  it.each([
    [
      'azure',
      (port: number) => ({
        AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1`,
        AZURE_CONTAINER: 'files',
      }),
    ],
    [
      'gcs',
      (port: number) => ({
        GCS_BUCKET: 'files',
        GCS_PROJECT_ID: 'satchel',
        GCS_API_ENDPOINT: `http://127.0.0.1:${port}`,
      }),
    ],
  ])('loads the %s SDK on start and reports unreachable storage in /health', async (driver, settings) => {
    const db = await createDatabase();
    const dir = tempDir();
    try {
      const api = await startApi({
        DATABASE_URL: db.url,
        DATA_DIR: dir.path,
        SECRETS_KEY: randomBytes(32).toString('hex'),
        QUEUE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
        STORAGE_DRIVER: driver,
        ...settings(await freePort()),
      });
      try {
        const res = await fetch(`${api.url}/health`);
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ database: { ok: true }, storage: { ok: false } });
      } finally {
        await api.stop();
      }
    } finally {
      dir.remove();
      await db.drop();
    }
  });

  it('runs the worker as its own process', async () => {
    const db = await createDatabase();
    const dir = tempDir();
    try {
      const worker = await startApi(
        {
          DATABASE_URL: db.url,
          DATA_DIR: dir.path,
          SECRETS_KEY: randomBytes(32).toString('hex'),
          LOG_LEVEL: 'info',
        },
        ['--worker'],
        'Satchel worker is processing jobs',
      );
      expect(worker.output()).not.toContain('Satchel is running');
      await worker.stop();
    } finally {
      dir.remove();
      await db.drop();
    }
  });
});
