import type { UserDto } from '@satchel/contracts';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

describe('console: sign in, navigation by role, session expiry, sign out', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-login');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('refuses wrong credentials with a message', async () => {
    const page = await env.page();
    await page.goto('/console/');
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('Email').fill('admin@e2e.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await screenshot(page, 'login');
    expect(await page.getByRole('alert').textContent()).toMatch(/\S/);
    await page.context().close();
  });

  it('signs an admin in to every admin section and out again', async () => {
    const page = await env.page();
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
    for (const label of [
      'Inbox',
      'Files',
      'Deliveries',
      'Audit log',
      'Team',
      'File uploads',
      'AWS S3 export',
      'Callback',
    ]) {
      await nav.getByRole('link', { name: label, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/login/);
    await page.goto('/console/files');
    await page.waitForURL(/\/console\/login/);
    await page.context().close();
  });

  it('shows an operator the inbox only and keeps them out of admin pages', async () => {
    await env.admin.post<UserDto>('/v1/users', {
      email: 'operator@e2e.test',
      name: 'Olive Operator',
      role: 'operator',
      password: 'operator-password',
    });
    const page = await env.page();
    await signIn(page, 'operator@e2e.test', 'operator-password');
    await page.waitForURL(/\/console\/inbox/);
    const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
    await nav.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Files', exact: true }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'File uploads' }).count()).toBe(0);
    await page.goto('/console/settings/uploads');
    await page.waitForURL(/\/console\/inbox/);
    await screenshot(page, 'inbox-operator');
    await page.context().close();
  });

  it('sends the user back to sign in when the session ends on the server', async () => {
    const page = await env.page();
    await signIn(page);
    const token = await page.evaluate(() => localStorage.getItem('satchel.console.token'));
    await new ApiClient(env.server.url, token!).post('/v1/auth/logout');
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Team' })
      .click();
    await page.waitForURL(/\/console\/login\?.*expired=1/);
    await page.getByText('Your session has expired').waitFor();
    await signIn(page);
    await page.context().close();
  });
});
