import type { ChatbotSettings, UploadSettings } from '@satchel/contracts';
import type { Dialog, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

const SEED_WORDING = 'external storage can be enabled/disabled by a single click';

async function openSettings(env: E2eEnv, path: string): Promise<Page> {
  const page = await env.page();
  await signIn(page);
  await page.goto(`/console/settings/${path}`);
  return page;
}

describe('console settings: no traps', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('settings-traps');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('shows the S3 export state plainly, with seed 002 wording as help', async () => {
    const page = await openSettings(env, 's3');
    const toggle = page.getByRole('switch', { name: /^Export to S3: (on|off)$/ });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-describedby')).toContain('export-help');
    await page.getByTestId('export-help').getByText(SEED_WORDING, { exact: false }).waitFor();
    expect(await page.getByTestId('export-help').textContent()).toContain('Disable AWS S3 File Store');
    // Export starts off (nothing configured): the switch is off and says so.
    await page.getByRole('switch', { name: 'Export to S3: off' }).waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await page.getByRole('switch', { name: 'Export to S3: on' }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await page.getByText('Export is on').waitFor();
    await screenshot(page, 'settings-traps-s3-toggle');
    await page.context().close();
  });

  it('takes "Fix the highlighted fields" away once fixed and names fields for people', async () => {
    const page = await openSettings(env, 'uploads');
    const types = page.getByTestId('visitor-types');
    await types.fill('pdf|exe2');
    await page.getByText('Unknown file type "exe2" in the allowed file types').waitFor();
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    const saveError = page.getByTestId('save-error');
    await saveError.getByText('Fix the highlighted fields before saving.').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('allowedTypes');

    await types.fill('pdf|png');
    await saveError.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    await page.getByText('Saved. New uploads follow these rules now.').waitFor();
    const saved = await env.admin.get<UploadSettings>('/v1/settings/uploads');
    expect(saved.visitor.allowedTypes).toBe('pdf|png');
    await page.context().close();
  });

  it('clears an old test result when the URL it was about changes and when saved', async () => {
    const page = await openSettings(env, 'callback');
    await page.getByRole('button', { name: 'Send test' }).click();
    const result = page.getByTestId('test-result');
    await result.getByText('Enter a callback URL to test.').waitFor();
    await page.getByLabel('Callback URL').fill('http://127.0.0.1:9/satchel');
    await result.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Send test' }).click();
    await result.getByText('Failed:').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Callback settings saved.').waitFor();
    await result.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('asks before leaving a settings page with unsaved changes, in the app and in the browser', async () => {
    const page = await openSettings(env, 'uploads');
    const size = page.getByTestId('operator-size');
    await size.click();
    await size.fill('777');
    const files = page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Files', exact: true });

    await files.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Leave without saving?').waitFor();
    await screenshot(page, 'settings-traps-unsaved');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/settings\/uploads$/);
    expect(await size.inputValue()).toBe('777');

    // Reload, close or a typed URL: the browser's own prompt.
    const prompted = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    await page.close({ runBeforeUnload: true });
    const unload = await prompted;
    expect(unload.type()).toBe('beforeunload');
    await unload.dismiss();
    expect(page.isClosed()).toBe(false);
    expect(await size.inputValue()).toBe('777');

    await files.click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/console\/files$/);
    await page.context().close();
  });

  it('leaves a saved page without asking', async () => {
    const page = await openSettings(env, 'uploads');
    const size = page.getByTestId('operator-size');
    await size.fill('2048');
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    await page.getByText('Saved. New uploads follow these rules now.').waitFor();
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    await page.waitForURL(/\/console\/files$/);
    await page.context().close();
  });

  it('refuses an ask-for-file step with an empty prompt next to the field, with 1-based step numbers', async () => {
    const page = await openSettings(env, 'chatbot');
    await page.getByRole('button', { name: 'Add “Say”' }).click();
    await page.getByLabel('Text').fill('Hello!');
    await page.getByRole('button', { name: 'Add “Ask for a file”' }).click();
    const prompt = page.getByLabel('Prompt');
    await prompt.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const message = 'Step 2: enter the prompt the visitor sees when the bot asks for the file.';
    const hint = page.locator('li[data-step="1"]').getByText(message);
    await hint.waitFor();
    expect(await prompt.getAttribute('aria-invalid')).toBe('true');
    expect((await prompt.getAttribute('aria-describedby'))?.split(' ')).toContain(
      await hint.getAttribute('id'),
    );
    await page.getByTestId('save-error').getByText('Fix the highlighted steps first.').waitFor();
    await screenshot(page, 'settings-traps-chatbot-prompt');
    expect((await env.admin.get<ChatbotSettings>('/v1/settings/chatbot')).steps).toEqual([]);

    await page.getByLabel('Types (optional)').fill('pdf|exe2');
    await page
      .locator('li[data-step="1"]')
      .getByText('Step 2: Unknown file type "exe2" in the allowed file types.')
      .waitFor();
    await page.getByLabel('Types (optional)').fill('pdf');
    await prompt.fill('Your invoice, please');
    await hint.waitFor({ state: 'detached' });
    await page.getByTestId('save-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Chatbot saved').waitFor();
    const saved = await env.admin.get<ChatbotSettings>('/v1/settings/chatbot');
    expect(saved.steps).toEqual([
      { type: 'say', text: 'Hello!' },
      { type: 'askFile', prompt: 'Your invoice, please', allowedTypes: 'pdf' },
    ]);
    expect(await page.locator('main').textContent()).not.toMatch(/steps\.\d|allowedTypes/);
    await page.context().close();
  });
});
