import type { AccountDto, WidgetConfig } from '@satchel/contracts';
import { waitUntil } from '@satchel/testing';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { pngFile } from '../support/sample-files';
import { widget, writeFirst } from '../widget/widget-ui';

const GREEN = 'rgb(11, 110, 79)';

/** The computed style of `selector` inside a widget's shadow root. */
function styleOf(w: Locator, selector: string, prop: 'backgroundColor' | 'color'): Promise<string> {
  return w.evaluate(
    (el, [sel, p]) => {
      const node = el.shadowRoot?.querySelector(sel);
      return node ? getComputedStyle(node)[p as 'color'] : 'missing';
    },
    [selector, prop] as const,
  );
}

async function until(read: () => Promise<string>, want: string): Promise<void> {
  // On a timeout the assertion below says what was read instead.
  await waitUntil(`the style to be ${want}`, async () => (await read()) === want, 10_000, 50).catch(
    () => undefined,
  );
  expect(await read()).toBe(want);
}

describe('console: Settings › Appearance with live preview, then the widget on a host page', () => {
  let env: E2eEnv;
  let host: HostPage;
  let page: Page;
  let preview: FrameLocator;

  beforeAll(async () => {
    env = await startE2eEnv('console-appearance');
    host = await startHostPage(env.server.url);
    page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/appearance');
    await page.getByRole('heading', { name: 'Appearance', level: 1 }).waitFor();
    preview = page.frameLocator('iframe[title="Widget preview"]');
    await preview.locator('satchel-widget .panel').waitFor();
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('shows every change in the preview before saving', async () => {
    const pw = preview.locator('satchel-widget');
    const configVersion = async () =>
      (
        await env.admin.get<WidgetConfig>(
          `/v1/widget/config?widgetKey=${(await env.admin.get<AccountDto>('/v1/account')).widgetKey}`,
        )
      ).version;
    const versionBefore = await configVersion();

    // A light colour: black text is picked and the console warns about the launcher on white pages.
    const brand = page.getByRole('textbox', { name: 'Brand colour', exact: true });
    await brand.fill('#ffd400');
    await page.getByTestId('contrast-warning').waitFor();
    expect(await page.getByTestId('contrast').textContent()).toContain('Text on it will be black');
    await until(() => styleOf(pw, 'header', 'color'), 'rgb(0, 0, 0)');
    await screenshot(page, 'console-appearance-light-brand');

    await brand.fill('#0b6e4f');
    await until(() => styleOf(pw, 'header', 'backgroundColor'), GREEN);
    await until(() => styleOf(pw, 'header', 'color'), 'rgb(255, 255, 255)');
    expect(await page.getByTestId('contrast-warning').count()).toBe(0);

    await page.getByLabel('Team name').fill('Acme support');
    await pw.locator('header .title', { hasText: 'Acme support' }).waitFor();
    await page.getByLabel('Greeting').fill('Hallo! Wie können wir helfen?');
    await pw.locator('.intro', { hasText: 'Wie können wir helfen?' }).waitFor();
    await page.getByLabel('Launcher label').fill('Hilfe');

    await page.getByRole('combobox', { name: 'Widget language' }).click();
    await page.getByRole('option', { name: 'Deutsch (German)' }).click();
    await pw.getByRole('button', { name: 'Senden' }).waitFor();

    await page.getByRole('switch', { name: 'Show an away message outside business hours' }).click();
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByRole('textbox', { name: 'Away message' }).fill('Wir sind gerade offline.');
    // No day has hours: the team is away all week.
    await pw.locator('.away', { hasText: 'Wir sind gerade offline.' }).waitFor();

    // Nothing reached visitors yet (an uploaded avatar, below, is saved at once).
    expect(await configVersion()).toBe(versionBefore);

    await page.setInputFiles(
      'input[type="file"]',
      [pngFile('team.png', 200, 200, [240, 120, 0])].map((f) => ({
        name: f.name,
        mimeType: f.mimeType,
        buffer: f.buffer,
      })),
    );
    await page.getByAltText('Team avatar').waitFor();
    await pw.locator('header img.avatar[src*="/v1/widget/avatars/"]').waitFor();

    await page.locator('mat-button-toggle', { hasText: 'Left' }).locator('button').click();
    await screenshot(page, 'console-appearance-preview');
    // Closing the preview's panel shows the launcher, with its label, at the left.
    await pw.getByRole('button', { name: 'Chat schließen' }).click();
    const launcher = pw.locator('.launcher', { hasText: 'Hilfe' });
    await launcher.waitFor();
    const frame = (await page.locator('iframe[title="Widget preview"]').boundingBox())!;
    const box = (await launcher.boundingBox())!;
    expect(box.x - frame.x).toBeLessThan(frame.width / 2);
    await screenshot(page, 'console-appearance-preview-launcher');

    await expectNoSeriousViolations(page, 'console appearance page');
  });

  it('after saving, the widget on a host page looks and speaks the same', async () => {
    await page.getByRole('button', { name: 'Save appearance' }).click();
    await page.getByText('Appearance saved.').last().waitFor();
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    host.set(
      '/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" async></script></body></html>`,
    );
    const visitor = await env.page();
    await visitor.goto(`${host.url}/`);
    const w = widget(visitor);
    const launcher = w.locator('.launcher', { hasText: 'Hilfe' });
    await launcher.waitFor();
    expect((await launcher.boundingBox())!.x).toBeLessThan(200);
    await until(() => styleOf(w, '.launcher', 'backgroundColor'), GREEN);
    await screenshot(visitor, 'widget-appearance-launcher');
    await launcher.click();
    await w.locator('header .title', { hasText: 'Acme support' }).waitFor();
    await w.locator('.intro', { hasText: 'Hallo! Wie können wir helfen?' }).waitFor();
    await w.locator('.away', { hasText: 'Wir sind gerade offline.' }).waitFor();
    await w.getByRole('button', { name: 'Senden' }).waitFor();
    await w.locator('header img.avatar').waitFor();
    expect(await w.locator('header img.avatar').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
      128,
    );
    await screenshot(visitor, 'widget-appearance-panel');
    await expectNoSeriousViolations(visitor, 'widget with appearance (greeting, away, avatar)');
    await visitor.context().close();
  });

  it('the pre-chat form asks name and email first and records them on the chat', async () => {
    await page.getByRole('switch', { name: 'Ask for name and email before the chat starts' }).click();
    await page.getByRole('button', { name: 'Save appearance' }).click();
    await page.getByText('Appearance saved.').last().waitFor();
    const visitor = await env.page();
    await visitor.goto(`${host.url}/`);
    const w = widget(visitor);
    await w.locator('.launcher').click();
    await w.getByRole('textbox', { name: 'Ihr Name' }).fill('Lena Lang');
    await w.getByRole('textbox', { name: 'Ihre E-Mail-Adresse' }).fill('not-an-address');
    await w.getByRole('button', { name: 'Chat starten' }).click();
    await w.getByRole('alert').filter({ hasText: 'gültige E-Mail-Adresse' }).waitFor();
    await screenshot(visitor, 'widget-prechat-form');
    await expectNoSeriousViolations(visitor, 'widget pre-chat form');
    await w.getByRole('textbox', { name: 'Ihre E-Mail-Adresse' }).fill('lena@example.com');
    await w.getByRole('button', { name: 'Chat starten' }).click();
    await w.locator('header .status', { hasText: 'Online' }).waitFor();
    // The name and email go with the chat, which starts with the first message.
    const chatId = await writeFirst(visitor, 'Hallo');
    const chat = await env.admin.get<{ visitorName: string; visitorEmail: string }>(`/v1/chats/${chatId}`);
    expect(chat).toMatchObject({ visitorName: 'Lena Lang', visitorEmail: 'lena@example.com' });
    await visitor.context().close();
  });
});
