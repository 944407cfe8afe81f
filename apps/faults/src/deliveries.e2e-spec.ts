import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { call, login, newChat, upload, waitFor } from './support/http';
import { startPrivateS3, type PrivateS3 } from './support/private-s3';
import { startReceiver, type Receiver } from './support/receiver';

interface Delivery {
  id: string;
  status: string;
  attempts: number;
}

/** Callbacks when the worker dies mid-delivery and when Redis loses every job: each delivered, once. */
describe('deliveries through worker crashes and Redis data loss', () => {
  let d: FaultDeployment;
  let receiver: Receiver;
  let exportTarget: PrivateS3;
  let api: ApiProcess;
  let worker: ApiProcess | undefined;
  let token: string;
  let chatId: string;

  const startWorker = async () => (worker = await startApi({ ...d.env, LOG_LEVEL: 'info' }, ['--worker']));
  const deliveries = async () =>
    (
      await call<{ items: Delivery[] }>(api.url, 'GET', '/v1/deliveries?kind=callback&pageSize=200', {
        token,
      })
    ).body.items;

  beforeAll(async () => {
    [receiver, exportTarget] = await Promise.all([startReceiver('ok'), startPrivateS3('satchel-export')]);
    d = await faultDeployment({
      RUN_MODE: 'api',
      OUTBOUND_ALLOW: '127.0.0.1',
      CALLBACK_RETRY_SCHEDULE: '10m',
      EXPORT_RETRY_SCHEDULE: '1s,1s,1s,1s,1s,1s,1s,1s',
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
      RECONCILE_INTERVAL_MS: '600000',
      RECONCILE_GRACE_MS: '1000',
    });
    api = await startApi(d.env);
    token = await login(api.url);
    chatId = await newChat(api.url, token);
    const put = await call(api.url, 'PUT', '/v1/settings/callback', {
      token,
      body: { enabled: true, url: receiver.url },
    });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await receiver?.close();
    await exportTarget?.remove();
    await d?.remove();
  });

  it('a worker killed mid-delivery: the next worker delivers it, with the same webhook-id', async () => {
    receiver.mode = 'hang';
    await startWorker();
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    await waitFor(() => receiver.received.length === 1, 20000, 'the callback reaching the receiver');
    await worker!.kill();
    receiver.mode = 'ok';
    await startWorker();
    await waitFor(
      async () => (await deliveries())[0]?.status === 'delivered',
      30000,
      'the callback delivered',
    );
    const ids = receiver.received.map((h) => h['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('Redis loses its data while deliveries wait for a retry: all re-queued and delivered within 60 s', async () => {
    receiver.mode = 'fail';
    const before = receiver.received.length;
    for (let i = 0; i < 3; i++) expect((await upload(api.url, token, chatId)).status).toBe(201);
    await waitFor(() => receiver.received.length === before + 3, 20000, 'three failed first attempts');
    await waitFor(
      async () => (await deliveries()).filter((x) => x.status === 'pending').length === 3,
      10000,
      'pending',
    );

    await d.redis.flushAll();
    receiver.mode = 'ok';
    const flushed = Date.now();
    await waitFor(
      async () => (await deliveries()).every((x) => x.status === 'delivered'),
      60000,
      'every pending delivery delivered after FLUSHALL',
    );
    process.stdout.write(`Redis FLUSHALL: 3 pending deliveries delivered after ${Date.now() - flushed} ms\n`);
    expect(receiver.received.length).toBe(before + 6);
  });

  it('the S3 export target down: exports retry and arrive once it is back, without a restart', async () => {
    if (!worker) await startWorker();
    await exportTarget.down();
    const settings = {
      disabled: false,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      bucket: exportTarget.bucket,
      region: 'us-east-1',
      endpoint: exportTarget.endpoint,
    };
    expect((await call(api.url, 'PUT', '/v1/settings/s3-export', { token, body: settings })).status).toBe(
      200,
    );
    receiver.mode = 'ok';
    expect((await upload(api.url, token, chatId)).status).toBe(201);
    const exportsOf = async () =>
      (
        await call<{ items: (Delivery & { lastError: string | null })[] }>(
          api.url,
          'GET',
          '/v1/deliveries?kind=export',
          { token },
        )
      ).body.items;
    await waitFor(async () => (await exportsOf())[0]?.lastError != null, 30000, 'a failed export attempt');
    expect((await exportsOf())[0]).toMatchObject({ status: 'pending' });

    await exportTarget.up();
    await waitFor(
      async () => (await exportsOf())[0]?.status === 'exported',
      30000,
      'the export after S3 is back',
    );
    expect(exportTarget.objects()).toHaveLength(1);
  });
});
