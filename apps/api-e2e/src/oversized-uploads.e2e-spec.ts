import { freshDeployment, startApi, type ApiProcess } from './support/api-process';
import { call } from './support/json-call';

const OWNER = { email: 'owner@oversize.test', password: 'oversize-password' };

/** Files over the limit, whatever their size and however they arrive, get a 413 and never stop the process. */
describe('oversized uploads against the built API', () => {
  let api: ApiProcess;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const deployment = await freshDeployment({
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
    });
    api = await startApi(deployment.env);
    cleanup = async () => {
      await api.stop();
      await deployment.remove();
    };
  });
  afterAll(() => cleanup());

  it('answers 413 for every size over an 8 KB limit and keeps serving', async () => {
    const { token } = await call<{ token: string }>(api, 'POST', '/v1/auth/login', OWNER);
    await call(api, 'PUT', '/v1/settings/uploads', { operator: { maxSizeKb: 8 } }, token);
    const chat = await call<{ id: string }>(api, 'POST', '/v1/chats', {}, token);
    for (const size of [9_000, 30_000, 60_000, 300_000, 3_000_000]) {
      const bytes = Buffer.alloc(size, 7);
      bytes.write('%PDF-1.4\n');
      const form = new FormData();
      form.append('files', new Blob([bytes]), 'big.pdf');
      const res = await fetch(`${api.url}/v1/chats/${chat.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Token ${token}` },
        body: form,
      }).catch((err: Error) => err);
      expect({
        size,
        status: res instanceof Error ? `${res.message}: ${String(res.cause)}` : res.status,
      }).toEqual({
        size,
        status: 413,
      });
      expect(api.child.exitCode).toBeNull();
    }
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
