import type { AccountDto, MessageDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { widget } from './widget-ui';

function chatIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId: string }).chatId;
  });
}

const LINK_TEXT = 'Invoice at https://example.test/invoice?id=7, see it.\nSecond line javascript:alert(1)';

describe('widget ↔ console: typing both ways, "seen", timestamps and safe links', () => {
  let env: E2eEnv;
  let host: HostPage;
  let visitor: Page;
  let operator: Page;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('widget-live-receipts');
    host = await startHostPage(env.server.url);
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    host.set(
      '/shop',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" async></script></body></html>`,
    );
    visitor = await env.page();
    await visitor.goto(`${host.url}/shop`);
    await widget(visitor).locator('.launcher').click();
    await widget(visitor).locator('header .status', { hasText: 'Online' }).waitFor();
    await widget(visitor).locator('textarea').fill(LINK_TEXT);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.msg.mine', { hasText: 'Second line' }).waitFor();
    chatId = await chatIdOf(visitor);

    operator = await env.page();
    await signIn(operator);
    await operator.goto(`/console/inbox/${chatId}`);
    await operator.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('renders links safely with line breaks and timestamps, in the console and the widget', async () => {
    const text = operator.locator('article.msg sc-message-text', { hasText: 'Second line' });
    await text.waitFor();
    const link = text.locator('a');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('https://example.test/invoice?id=7');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await text.innerText()).toBe(LINK_TEXT);
    const time = operator.locator('article.msg time').first();
    expect(await time.textContent()).toMatch(/now|sec|min/);
    expect(await time.getAttribute('title')).toMatch(/\d{4}/);

    const inWidget = widget(visitor).locator('.msg.mine .text', { hasText: 'Second line' });
    expect(await inWidget.locator('a').count()).toBe(1);
    expect(await inWidget.locator('a').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await widget(visitor).locator('.msg.mine time').first().textContent()).toMatch(/now|sec|min/);
    await screenshot(operator, 'receipts-console-links-times');
  });

  it('shows the visitor "Seen" once the operator has the chat open', async () => {
    await widget(visitor).locator('.msg.mine .seen', { hasText: 'Seen' }).waitFor();
  });

  it('shows typing on the other side, both ways, and stops it', async () => {
    await widget(visitor).locator('textarea').pressSequentially('Where is my', { delay: 30 });
    const typing = operator.getByTestId('typing');
    await typing.filter({ hasText: /is typing…/ }).waitFor();
    await screenshot(operator, 'receipts-console-typing');
    // Stops after the visitor is idle for 5 s.
    await typing.filter({ hasText: /^\s*$/ }).waitFor({ timeout: 20_000 });

    await operator.getByLabel('Reply').pressSequentially('Let me check', { delay: 30 });
    const widgetTyping = widget(visitor).locator('.typing');
    await widgetTyping.filter({ hasText: 'is typing…' }).waitFor();
    await screenshot(visitor, 'receipts-widget-typing');
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await widgetTyping.filter({ hasText: /^$/ }).waitFor();
  });

  it('"Seen" appears in the console after the visitor opens the panel', async () => {
    await widget(visitor).getByRole('button', { name: 'Close chat' }).click();
    const reply = await env.admin.post<MessageDto>(`/v1/chats/${chatId}/messages`, {
      text: 'Your parcel ships today',
    });
    const article = operator.locator(`article[data-message="${reply.id}"]`);
    await article.waitFor();
    await operator.waitForTimeout(1500);
    expect(await article.getByTestId('seen').count()).toBe(0);

    await widget(visitor).locator('.launcher').click();
    await article.getByTestId('seen').filter({ hasText: 'Seen' }).waitFor();
    expect(await operator.getByTestId('seen').count()).toBe(1);
    await screenshot(operator, 'receipts-console-seen');
    await screenshot(visitor, 'receipts-widget-seen');
  });
});
