import type { AccountDto, ChatDto, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { widget, writeFirst } from '../widget/widget-ui';

/** A customer's plain page with only the pasted snippet in it. */
const hostHtml = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>A shop on another origin</h1>
${snippet}
</body></html>`;

/** The refusals the browser logs for the widget's 403 answers on a page that is not allowed. */
const REFUSED_LINES = [/status of 403 \(Forbidden\).*\/v1\/widget\/(chats|config|greeting)/];

describe('console: Settings › Install (snippet, allowed domains, key rotation)', () => {
  let env: E2eEnv;
  let host: HostPage;
  let consolePage: Page;
  let snippet: string;

  const chatCount = async () => (await env.admin.get<PageOf<ChatDto>>('/v1/chats?pageSize=1')).total;

  /** A visitor opens the host page in a fresh browser and writes (a chat starts with the first message). */
  async function visitAllowed(): Promise<void> {
    const visitor = await env.page({ failOnClientErrors: true });
    await visitor.goto(`${host.url}/`);
    await widget(visitor).getByRole('button', { name: 'Open chat' }).click();
    await widget(visitor).locator('header .status', { hasText: 'Online' }).waitFor();
    await writeFirst(visitor, 'Hello from the shop');
    await visitor.context().close();
  }

  async function saveDomains(text: string): Promise<void> {
    await consolePage.getByLabel('Allowed domains').fill(text);
    const saved = consolePage.waitForResponse(
      (r) => r.url().endsWith('/v1/account') && r.request().method() === 'PATCH',
    );
    await consolePage.getByRole('button', { name: 'Save domains' }).click();
    expect((await saved).status()).toBe(200);
    await consolePage.getByText('Allowed domains saved.').last().waitFor();
  }

  beforeAll(async () => {
    env = await startE2eEnv('console-install');
    host = await startHostPage(env.server.url);
    consolePage = await env.page();
    await consolePage.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: env.server.url,
    });
    await signIn(consolePage);
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('shows the snippet with the widget key and copies it', async () => {
    await consolePage.goto('/console/settings/install');
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    snippet = (await consolePage.getByTestId('embed-snippet').textContent())!.trim();
    expect(snippet).toBe(
      `<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" async></script>`,
    );
    await consolePage.getByRole('button', { name: 'Copy' }).click();
    await consolePage.getByRole('status').getByText('Copied').waitFor();
    expect(await consolePage.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await consolePage.getByText('load the tag once, in the app shell', { exact: false }).waitFor();
    await screenshot(consolePage, 'settings-install');
  });

  it('brings up the widget on another origin with the pasted snippet', async () => {
    host.set('/', hostHtml(snippet));
    const before = await chatCount();
    await visitAllowed();
    expect(await chatCount()).toBe(before + 1);
  });

  it('refuses an unlisted origin once allowed domains are set, and works again once it is added', async () => {
    await consolePage.getByLabel('Allowed domains').fill('shop.example.com/checkout');
    await consolePage.getByRole('button', { name: 'Save domains' }).click();
    await consolePage
      .getByText('"shop.example.com/checkout" is not an origin', { exact: false })
      .first()
      .waitFor();

    await saveDomains('https://shop.example.com');
    expect((await env.admin.get<AccountDto>('/v1/account')).allowedOrigins).toEqual([
      'https://shop.example.com',
    ]);
    const before = await chatCount();
    const refused = await env.page({ failOnClientErrors: true, allowConsoleErrors: REFUSED_LINES });
    await refused.goto(`${host.url}/`);
    await widget(refused).getByRole('button', { name: 'Open chat' }).click();
    await widget(refused)
      .locator('.notice', { hasText: `This widget is not allowed on ${host.url}` })
      .waitFor();
    await screenshot(refused, 'install-origin-refused');
    await refused.context().close();
    expect(await chatCount()).toBe(before);

    await saveDomains(`https://shop.example.com\n${host.url}`);
    await visitAllowed();
    expect(await chatCount()).toBe(before + 1);
  });

  it('rotates the key after a confirmation: the page with the old snippet starts no chat', async () => {
    await saveDomains('');
    const oldKey = (await consolePage.getByTestId('widget-key').textContent())!.trim();
    await consolePage.getByRole('button', { name: 'Rotate key' }).click();
    const dialog = consolePage.getByRole('dialog');
    await dialog
      .getByText('Pages that still use the old key stop starting chats', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    await consolePage.getByText('New widget key ready', { exact: false }).waitFor();
    const newKey = (await consolePage.getByTestId('widget-key').textContent())!.trim();
    expect(newKey).not.toBe(oldKey);
    expect(await consolePage.getByTestId('embed-snippet').textContent()).toContain(newKey);
    expect((await env.admin.get<AccountDto>('/v1/account')).widgetKey).toBe(newKey);

    const before = await chatCount();
    const stale = await env.page({
      allowConsoleErrors: [/status of 404 \(Not Found\).*\/v1\/widget\/(chats|config|greeting)/],
    });
    await stale.goto(`${host.url}/`);
    await widget(stale).getByRole('button', { name: 'Open chat' }).click();
    const answer = stale.waitForResponse((r) => r.url().endsWith('/v1/widget/chats'));
    await widget(stale).getByRole('textbox', { name: 'Message' }).fill('Hello?');
    await widget(stale).getByRole('button', { name: 'Send' }).click();
    expect((await answer).status()).toBe(404);
    expect(await chatCount()).toBe(before);
    await stale.context().close();
  });
});
