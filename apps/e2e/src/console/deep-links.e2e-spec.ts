import type { ChatDto } from '@satchel/contracts';
import { screenshot, watchProblems } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

// The API runs as `npm start` runs it: cwd the workspace root, STATIC_ROOT its relative default.
describe('console: reloading a deep link gives the app, not a JSON 500', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-deep-links');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('reloads the sign-in page while signed out', async () => {
    const page = await env.page();
    const problems = await watchProblems(page);
    const res = await page.goto('/console/login');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/^text\/html/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reloads five deep console URLs of a signed-in admin', async () => {
    const chat = await env.admin.post<ChatDto>('/v1/chats', { visitorName: 'Deep Link Dana' });
    const page = await env.page();
    const problems = await watchProblems(page);
    await signIn(page);
    const urls = [
      '/console/inbox',
      '/console/files',
      `/console/inbox/${chat.id}`,
      '/console/settings/uploads',
      '/console/team',
    ];
    for (const url of urls) {
      await page.goto(url);
      const res = await page.reload();
      expect({ url, status: res?.status() }).toEqual({ url, status: 200 });
      expect(res?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await res?.text()).toContain('<sc-root');
      // The app itself answered: its shell with the signed-in user's sections, on the same URL.
      await page.getByRole('navigation', { name: 'Sections', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(url);
    }
    await screenshot(page, 'console-deep-link-team');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
