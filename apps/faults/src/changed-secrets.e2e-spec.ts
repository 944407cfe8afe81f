import { randomBytes } from 'node:crypto';
import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { call, login, newChat, upload, waitFor } from './support/http';
import { startPrivateS3, type PrivateS3 } from './support/private-s3';
import { startReceiver, type Receiver } from './support/receiver';

interface Delivery {
  kind: string;
  status: string;
  lastError: string | null;
}

/**
 * SECRETS_KEY changed under stored callback and S3 export secrets: the start logs it once per
 * account, the settings and test endpoints say what to re-enter, deliveries fail with that reason.
 */
describe('stored secrets after SECRETS_KEY changed', () => {
  let d: FaultDeployment;
  let s3: PrivateS3;
  let receiver: Receiver;
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    [s3, receiver] = await Promise.all([startPrivateS3('satchel-export'), startReceiver('ok')]);
    d = await faultDeployment({ OUTBOUND_ALLOW: '127.0.0.1' });
    api = await startApi(d.env);
    token = await login(api.url);
    expect(
      (
        await call(api.url, 'PUT', '/v1/settings/callback', {
          token,
          body: { enabled: true, url: receiver.url },
        })
      ).status,
    ).toBe(200);
    const s3Settings = {
      disabled: false,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
    };
    expect((await call(api.url, 'PUT', '/v1/settings/s3-export', { token, body: s3Settings })).status).toBe(
      200,
    );
    await api.stop();
    api = await startApi({ ...d.env, SECRETS_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' });
    token = await login(api.url);
  });

  afterAll(async () => {
    await api?.stop();
    await s3?.remove();
    await receiver?.close();
    await d?.remove();
  });

  it('logs the problem once for the account at start', () => {
    const lines = api
      .output()
      .split('\n')
      .filter((l) => l.includes('cannot be decrypted with the current SECRETS_KEY'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/callback signing secret.*S3 export credentials/);
  });

  it('the settings and the test endpoints name what to re-enter', async () => {
    const status = await call<{ problems: { secret: string }[] }>(
      api.url,
      'GET',
      '/v1/settings/secrets-status',
      { token },
    );
    expect(status.body.problems.map((p) => p.secret)).toEqual(['callback', 's3']);
    const callbackTest = await call(api.url, 'POST', '/v1/settings/callback/test', { token, body: {} });
    expect({ status: callbackTest.status, code: callbackTest.body['code'] }).toEqual({
      status: 409,
      code: 'SECRET_UNREADABLE',
    });
    expect(callbackTest.body['error']).toMatch(/rotate the signing secret/);
    const s3Test = await call(api.url, 'POST', '/v1/settings/s3-export/test', { token, body: {} });
    expect({ status: s3Test.status, code: s3Test.body['code'] }).toEqual({
      status: 409,
      code: 'SECRET_UNREADABLE',
    });
    expect(s3Test.body['error']).toMatch(/re-enter the S3 credentials/);
  });

  it('deliveries that need them fail with that reason instead of waiting', async () => {
    const chatId = await newChat(api.url, token);
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    const list = async () =>
      (await call<{ items: Delivery[] }>(api.url, 'GET', '/v1/deliveries', { token })).body.items;
    await waitFor(
      async () => (await list()).filter((x) => x.status === 'failed').length === 2,
      30000,
      'both deliveries failed',
    );
    const failed = (await list()).map((x) => ({ kind: x.kind, status: x.status, lastError: x.lastError }));
    expect(failed).toEqual(
      expect.arrayContaining([
        { kind: 'callback', status: 'failed', lastError: expect.stringMatching(/rotate the signing secret/) },
        { kind: 'export', status: 'failed', lastError: expect.stringMatching(/re-enter the S3 credentials/) },
      ]),
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('rotating the signing secret clears the callback problem', async () => {
    expect((await call(api.url, 'POST', '/v1/settings/callback/rotate-secret', { token })).status).toBe(200);
    const status = await call<{ problems: { secret: string }[] }>(
      api.url,
      'GET',
      '/v1/settings/secrets-status',
      { token },
    );
    expect(status.body.problems.map((p) => p.secret)).toEqual(['s3']);
  });
});
