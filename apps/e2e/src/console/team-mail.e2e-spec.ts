import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { ApiClient } from '../support/api-client';
import { ADMIN } from '../support/api-server';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startSmtpServer, tokenIn, type SmtpTestServer } from '@satchel/testing';

/** The path and query of a console link from an email (the page's base URL is the API's). */
function consolePath(path: string, token: string): string {
  return `/console/${path}?token=${token}`;
}

describe('console: a team that runs itself (emails through a real SMTP server)', () => {
  let smtp: SmtpTestServer;
  let env: E2eEnv;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await startE2eEnv('console-team-mail', { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await env?.stop();
    await smtp?.close();
  });

  it('invites by email; the invitee joins with the invited role; an admin changes the role and removes them', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/team');
    await page.getByRole('tab', { name: 'Invitations' }).click();
    await page.getByLabel('Email to invite').fill('ivy@e2e.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to ivy@e2e.test.').waitFor();
    const invitations = page.getByRole('table', { name: 'Invitations' });
    await invitations.getByText('pending').waitFor();
    await screenshot(page, 'team-invitations');

    const token = tokenIn(await smtp.waitFor('ivy@e2e.test', /invited/), 'invitation');
    const invitee = await env.page();
    await invitee.goto(consolePath('invitation', token));
    await invitee.getByText('invited ivy@e2e.test as operator').waitFor();
    await invitee.getByLabel('Your name').fill('Ivy Invitee');
    await invitee.getByLabel('Choose a password').fill('ivy-password-1');
    await screenshot(invitee, 'invitation-accept');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByRole('button', { name: 'Sign out' }).waitFor();
    await invitee.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await invitee.getByRole('link', { name: 'Team' }).count()).toBe(0);

    await page.reload();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByRole('button', { name: 'Actions for Ivy Invitee' }).click();
    await page.getByRole('menuitem', { name: 'Make admin' }).click();
    await page.getByText('Ivy Invitee is now an admin.').waitFor();
    const ivy = await ApiClient.login(env.server.url, 'ivy@e2e.test', 'ivy-password-1');
    expect((await ivy.get<{ role: string }>('/v1/auth/me')).role).toBe('admin');

    await people.getByRole('button', { name: 'Actions for Ivy Invitee' }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Ivy Invitee was removed.').waitFor();
    await expect(ivy.get('/v1/auth/me')).rejects.toMatchObject({ status: 401 });
    await invitee.reload();
    await invitee.getByRole('button', { name: 'Sign in' }).waitFor();

    await invitee.goto(consolePath('invitation', token));
    await invitee.getByRole('alert').getByText('This invitation was accepted').waitFor();
    await page.context().close();
    await invitee.context().close();
  });

  it('resets a forgotten password by email: the link works once and old sessions end', async () => {
    await env.admin.post('/v1/users', {
      email: 'rita@e2e.test',
      name: 'Rita Reset',
      role: 'operator',
      password: 'rita-password-1',
    });
    const old = await ApiClient.login(env.server.url, 'rita@e2e.test', 'rita-password-1');
    const page = await env.page();
    await page.goto('/console/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    // The page is loaded lazily: until its heading shows, "Email" is still the sign-in form's field.
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill('rita@e2e.test');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If this address has an account, a reset link is on its way.').waitFor();
    await screenshot(page, 'forgot-password');

    const token = tokenIn(await smtp.waitFor('rita@e2e.test', /Reset/), 'reset-password');
    await page.goto(consolePath('reset-password', token));
    await page.getByLabel('New password').fill('rita-password-2');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password was changed and every session was signed out.').waitFor();
    await screenshot(page, 'reset-password-done');
    await expect(old.get('/v1/auth/me')).rejects.toMatchObject({ status: 401 });
    await signIn(page, 'rita@e2e.test', 'rita-password-2');

    const again = await env.page();
    await again.goto(consolePath('reset-password', token));
    await again.getByLabel('New password').fill('rita-password-3');
    await again.getByRole('button', { name: 'Save password' }).click();
    await again.getByRole('alert').getByText('This reset link is invalid, used or expired').waitFor();
    await page.context().close();
    await again.context().close();
  });

  it('enrols two-factor sign-in with a QR code; signing in then needs a valid code', async () => {
    await env.admin.post('/v1/users', {
      email: 'tom@e2e.test',
      name: 'Tom Totp',
      role: 'operator',
      password: 'tom-password-1',
    });
    const page = await env.page();
    await signIn(page, 'tom@e2e.test', 'tom-password-1');
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.locator('code').first().textContent())!.trim();
    await screenshot(page, 'security-totp-enrol');
    const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('6-digit code').fill(app.generate());
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    await screenshot(page, 'security-totp-recovery-codes');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Satchel' }).waitFor();
    await page.getByLabel('Email').fill('tom@e2e.test');
    await page.getByLabel('Password').fill('tom-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Two-factor code');
    await code.waitFor();
    await code.fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That two-factor code is not valid').waitFor();
    await screenshot(page, 'login-totp-step');
    await code.fill(app.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.context().close();
  });
});

describe('console: the owner reads emails in the outbox when SMTP_URL is not set', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-outbox');
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('shows the invitation email with its link', async () => {
    await env.admin.post('/v1/invitations', { email: 'otis@e2e.test', role: 'operator' });
    const page: Page = await env.page();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Outbox' }).click();
    const subject = page.getByText('You are invited to My company on Satchel');
    for (let i = 0; !(await subject.count()) && i < 50; i++) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(200);
    }
    await subject.click();
    await page.getByText(/\/console\/invitation\?token=inv_/).waitFor();
    await screenshot(page, 'outbox');
    await page.context().close();
  });
});
