import { freshDeployment, startApi, type ApiProcess } from './support/api-process';

const OWNER = { email: 'owner@limits.test', password: 'limits-owner-password' };

function post(base: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Two built API processes on one Redis: a limit counts requests on both, not per process. */
describe('rate limits across two API processes', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let cleanup: () => Promise<void>;
  let widgetKey: string;

  beforeAll(async () => {
    const deployment = await freshDeployment({
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      RATE_LIMIT_LOGIN_EMAIL: '4/60',
      RATE_LIMIT_LOGIN_IP: '1000/60',
      RATE_LIMIT_CHAT_START_IP: '4/60',
    });
    const env = deployment.env;
    [a, b] = await Promise.all([startApi(env), startApi(env)]);
    cleanup = async () => {
      await Promise.all([a.stop(), b.stop()]);
      await deployment.remove();
    };
    const { token } = (await (await post(a.url, '/v1/auth/login', OWNER)).json()) as { token: string };
    const account = await fetch(`${a.url}/v1/account`, { headers: { authorization: `Token ${token}` } });
    widgetKey = ((await account.json()) as { widgetKey: string }).widgetKey;
  });
  afterAll(() => cleanup());

  it('failed logins alternating between the processes hit one shared lockout', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post(i % 2 ? b.url : a.url, '/v1/auth/login', {
        email: OWNER.email,
        password: 'nope-nope',
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    console.log(`alternating failed logins on A/B: ${statuses.join(' ')}`);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('chat starts alternating between the processes hit one shared per-IP limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post(i % 2 ? b.url : a.url, '/v1/widget/chats', { widgetKey })).status);
    }
    console.log(`alternating chat starts on A/B: ${statuses.join(' ')}`);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });
});
