import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { attachmentCount, call, login, newChat, upload, waitFor, type Answer } from './support/http';
import { startPrivateS3, type PrivateS3 } from './support/private-s3';

/** What a client can tell from an answer: the status, the code, and when to retry. */
function seen(res: Answer) {
  return {
    status: res.status,
    code: res.body['code'],
    retryAfter: res.body['retryAfter'],
    header: res.retryAfter,
  };
}

/**
 * PostgreSQL, Redis and S3 each go down under a running built API: clients get 503 with a code and
 * Retry-After instead of a 500, and service is back once the dependency is, without a restart.
 */
describe('dependency outages', () => {
  let d: FaultDeployment;
  let s3: PrivateS3;
  let api: ApiProcess;
  let token: string;
  let chatId: string;
  let stored = 0;

  beforeAll(async () => {
    s3 = await startPrivateS3();
    d = await faultDeployment({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
    api = await startApi(d.env);
    token = await login(api.url);
    chatId = await newChat(api.url, token);
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    stored = 1;
  });

  afterAll(async () => {
    await api?.stop();
    await s3?.remove();
    await d?.remove();
  });

  afterEach(() => expect(api.child.exitCode).toBeNull());

  it('PostgreSQL down: 503 DATABASE_UNAVAILABLE with Retry-After; back: uploads work without a restart', async () => {
    d.pg.down();
    expect(seen(await upload(api.url, token, chatId))).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      retryAfter: 5,
      header: '5',
    });
    expect(seen(await call(api.url, 'GET', '/v1/attachments', { token }))).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
    });
    const ready = await call(api.url, 'GET', '/health/ready');
    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 503,
      body: { ready: false, reason: 'database down' },
    });
    expect((await call(api.url, 'GET', '/health/live')).status).toBe(200);

    d.pg.up();
    await waitFor(
      async () => (await upload(api.url, token, chatId)).status === 201,
      30000,
      'upload after PostgreSQL is back',
    );
    stored++;
    expect(await attachmentCount(api.url, token)).toBe(stored);
    expect((await call(api.url, 'GET', '/health/ready')).body).toEqual({ ready: true });
  });

  it('S3 down: uploads and downloads 503 STORAGE_UNAVAILABLE, nothing half-stored; back: normal service', async () => {
    const list = await call<{ items: { id: string }[] }>(api.url, 'GET', '/v1/attachments', { token });
    const first = list.body.items[0].id;
    await s3.down();
    expect(seen(await upload(api.url, token, chatId))).toEqual({
      status: 503,
      code: 'STORAGE_UNAVAILABLE',
      retryAfter: 5,
      header: '5',
    });
    expect(seen(await call(api.url, 'GET', `/v1/attachments/${first}/content`, { token }))).toMatchObject({
      status: 503,
      code: 'STORAGE_UNAVAILABLE',
    });
    expect(await attachmentCount(api.url, token)).toBe(stored);

    await s3.up();
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    stored++;
    expect(
      (
        await fetch(`${api.url}/v1/attachments/${first}/content`, {
          headers: { authorization: `Token ${token}` },
        })
      ).status,
    ).toBe(200);
    expect({ rows: await attachmentCount(api.url, token), objects: s3.objects().length }).toEqual({
      rows: stored,
      objects: stored,
    });
  });

  it('Redis down: uploads still stored, what needs Redis answers 503 REDIS_UNAVAILABLE; back: normal service', async () => {
    await d.redis.down();
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    stored++;
    expect(seen(await call(api.url, 'GET', '/v1/security/lockouts', { token }))).toEqual({
      status: 503,
      code: 'REDIS_UNAVAILABLE',
      retryAfter: 5,
      header: '5',
    });
    expect((await call(api.url, 'GET', '/health/ready')).body).toEqual({
      ready: false,
      reason: 'redis down',
    });

    await d.redis.up();
    await waitFor(
      async () => (await call(api.url, 'GET', '/v1/security/lockouts', { token })).status === 200,
      30000,
      'lockouts after Redis is back',
    );
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    stored++;
    expect(await attachmentCount(api.url, token)).toBe(stored);
  });
});
