import { call } from './json-call';
import { freshDeployment, startApi, type ApiProcess, type Deployment } from './api-process';

export interface TusDeployment {
  deployment: Deployment;
  api: ApiProcess;
  token: string;
  chatId: string;
}

/** A fresh deployment whose owner may upload pdf/txt up to `maxSizeKb`, signed in, with one chat. */
export async function tusDeployment(
  owner: { email: string; password: string },
  maxSizeKb: number,
  env: Record<string, string>,
): Promise<TusDeployment> {
  const deployment = await freshDeployment({
    ADMIN_EMAIL: owner.email,
    ADMIN_PASSWORD: owner.password,
    ...env,
  });
  const api = await startApi(deployment.env);
  const { token } = await call<{ token: string }>(api, 'POST', '/v1/auth/login', owner);
  await call(api, 'PUT', '/v1/settings/uploads', { operator: { maxSizeKb, allowedTypes: 'pdf|txt' } }, token);
  const chat = await call<{ id: string }>(api, 'POST', '/v1/chats', {}, token);
  return { deployment, api, token, chatId: chat.id };
}
