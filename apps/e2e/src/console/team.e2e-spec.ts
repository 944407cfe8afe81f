import type { MeResponse, UserDto } from '@satchel/contracts';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

describe('console: Team', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-team');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('creates an API token and shows it exactly once', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByText('No API tokens yet.').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Token name').fill('CRM sync');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const token = (await dialog.getByTestId('created-token').locator('code').textContent())!.trim();
    await dialog.getByText('this is the only time the token is shown').waitFor();
    await screenshot(page, 'team-token-created');

    const me = await new ApiClient(env.server.url, token).get<MeResponse>('/v1/auth/me');
    expect(me.role).toBe('api');

    await dialog.getByRole('button', { name: 'Done' }).click();
    const table = page.getByRole('table', { name: 'API tokens' });
    await table.getByText(`…${token.slice(-4)}`).waitFor();
    expect(await page.getByText(token).count()).toBe(0);
    await page.reload();
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await table.getByText('CRM sync').waitFor();
    expect(await page.content()).not.toContain(token);
    await screenshot(page, 'team-tokens');

    await table.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await table.getByText('revoked').waitFor();
    await expect(new ApiClient(env.server.url, token).get('/v1/auth/me')).rejects.toMatchObject({
      status: 401,
    });
    await page.context().close();
  });

  it('adds an operator, resets the password and deactivates them', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/team');
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Otto Operator');
    await dialog.getByLabel('Email').fill('otto@e2e.test');
    await dialog.getByLabel('Password').fill('otto-password-1');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Otto Operator can now sign in.').waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByText('otto@e2e.test').waitFor();
    await screenshot(page, 'team');

    await people.getByRole('button', { name: 'Actions for Otto Operator' }).click();
    await page.getByRole('menuitem', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByLabel('New password').fill('otto-password-2');
    await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('Password reset for Otto Operator.').waitFor();
    await ApiClient.login(env.server.url, 'otto@e2e.test', 'otto-password-2');

    await people.getByRole('button', { name: 'Actions for Otto Operator' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Otto Operator was deactivated.').waitFor();
    const users = await env.admin.get<UserDto[]>('/v1/users');
    expect(users.find((u) => u.email === 'otto@e2e.test')?.active).toBe(false);
    await expect(ApiClient.login(env.server.url, 'otto@e2e.test', 'otto-password-2')).rejects.toMatchObject({
      status: 401,
    });
    await page.context().close();
  });
});
