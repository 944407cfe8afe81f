import request from 'supertest';
import { DataSource } from 'typeorm';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { uploadFile } from './support/files';
import { pixelBombPng } from './support/images';
import { captureLogs } from './support/integrations';
import { waitFor } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';

type Line = Record<string, unknown>;

describe('structured logs', () => {
  let t: TestApp;
  let owner: Session;
  let logs: ReturnType<typeof captureLogs>;

  const lines = (): Line[] =>
    logs
      .text()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    logs = captureLogs();
    t = await startTestApp({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    owner = await loginOwner(t);
  });
  afterAll(async () => {
    await t.close();
    logs.stop();
  });

  it('writes one JSON line per request with its request id, path without query, and no secrets', async () => {
    const res = await request(t.url)
      .get('/v1/auth/me?sig=not-for-the-logs')
      .set(owner.auth)
      .set('Cookie', 'session=cookie-secret')
      .expect(200);
    const id = res.headers['x-request-id'];
    const line = lines().find((l) => l['reqId'] === id && l['msg'] === 'request completed');
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'GET', path: '/v1/auth/me' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    const text = logs.text();
    expect(text).not.toContain(owner.token);
    expect(text).not.toContain('not-for-the-logs');
    expect(text).not.toContain('cookie-secret');
  });

  it('puts the request id on the lines the app writes while serving that request', async () => {
    const ds = t.app.get(DataSource);
    jest.spyOn(ds, 'query').mockImplementationOnce(() => Promise.reject(new Error('boom')));
    const res = await request(t.url).get('/v1/auth/me').set(owner.auth).expect(500);
    const id = res.headers['x-request-id'];
    const mine = lines().filter((l) => l['reqId'] === id);
    expect(mine.find((l) => l['context'] === 'Errors')).toMatchObject({
      level: 50,
      err: { message: expect.stringContaining('Unhandled error in GET /v1/auth/me') },
    });
    expect(mine.find((l) => l['res'])).toMatchObject({ level: 50, res: { statusCode: 500 } });
  });

  it('puts the job id on the lines a job writes', async () => {
    const v = await startVisitorChat(t, await widgetKeyOf(t, owner));
    const bomb = await uploadFile(t, v.chatId, v.auth, 'bomb.png', pixelBombPng());
    await waitFor(
      () => lines().some((l) => String(l['msg']).includes(`Preview of attachment ${bomb.id} failed`)),
      20_000,
    );
    const line = lines().find((l) => String(l['msg']).includes(`Preview of attachment ${bomb.id} failed`));
    expect(line).toMatchObject({
      level: 40,
      context: 'Previews',
      queue: 'previews',
      jobId: expect.any(String),
    });
    expect(line).not.toHaveProperty('reqId');
  });
});
