import type { CallbackSettings } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

describe('console: Settings › Callback', () => {
  let env: E2eEnv;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver(() => ({
      status: 200,
      body: { status: 0, uid: 'crm-file-4711', url: 'https://crm.example/files/4711' },
    }));
    env = await startE2eEnv('console-callback');
  });

  afterAll(async () => {
    await env?.stop();
    await receiver?.close();
  });

  it('saves the URL and shows the signing secret once', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/callback');
    await page.getByRole('switch', { name: 'Send every uploaded file to this URL' }).click();
    await page.getByLabel('Callback URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Callback settings saved.').waitFor();
    const secret = (await page.getByTestId('new-secret').locator('code').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'settings-callback');
    const saved = await env.admin.get<CallbackSettings>('/v1/settings/callback');
    expect(saved).toMatchObject({ enabled: true, url: receiver.url, secretLast4: secret.slice(-4) });
    expect(JSON.stringify(saved)).not.toContain(secret);

    await page.reload();
    await page.getByText(`Current secret ends in ${secret.slice(-4)}`).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await page.context().close();
  });

  it('sends a test file to the saved URL and shows the receiver reply', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'Callback' }).click();
    expect(await page.getByLabel('Callback URL').inputValue()).toBe(receiver.url);
    await page.getByRole('button', { name: 'Send test' }).click();
    const result = page.getByTestId('test-result');
    await result.getByText('Success:').waitFor({ timeout: 30000 });
    const reply = await page.getByTestId('receiver-reply').textContent();
    expect(reply).toContain('crm-file-4711');
    expect(reply).toContain('https://crm.example/files/4711');
    expect(receiver.received.length).toBe(1);
    expect(receiver.received[0].headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(receiver.received[0].headers['webhook-signature']).toMatch(/^v1,/);
    await screenshot(page, 'settings-callback-test');
    await page.context().close();
  });
});
