import type { AccountDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { widget, writeFirst } from './widget-ui';

/** Counts the tones the page plays (the widget's chime is a WebAudio oscillator). */
async function countTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones++;
      return original.call(this);
    };
  });
}

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);

describe('widget: the launcher shows unread operator messages while the panel is closed', () => {
  let env: E2eEnv;
  let host: HostPage;

  beforeAll(async () => {
    env = await startE2eEnv('widget-badge');
    host = await startHostPage(env.server.url);
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    const tag = (extra: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" ${extra} async></script></body></html>`;
    host.set('/quiet', tag(''));
    host.set('/sound', tag('data-sound="on"'));
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  async function closedWidget(path: string): Promise<{ page: Page; chatId: string }> {
    const page = await env.page();
    await countTones(page);
    await page.goto(`${host.url}${path}`);
    await widget(page).locator('.launcher').waitFor();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor({ state: 'attached' });
    // A chat starts with the visitor's first message; then the panel is closed again.
    await widget(page).locator('.launcher').click();
    const chatId = await writeFirst(page, 'Where is my order?');
    await widget(page).getByRole('button', { name: 'Close chat' }).click();
    return { page, chatId };
  }

  it('an operator reply shows the count and a preview; opening the panel clears them', async () => {
    const { page, chatId } = await closedWidget('/quiet');
    const launcher = widget(page).locator('.launcher');
    const badge = launcher.locator('.badge');
    const bubble = widget(page).locator('.bubble');
    expect(await badge.isHidden()).toBe(true);

    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Hello! Your order #1042 left our warehouse this morning and should arrive on Friday.',
    });
    await badge.filter({ hasText: /^1$/ }).waitFor();
    await bubble.filter({ hasText: 'Your order #1042 left our warehouse' }).waitFor();
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat, 1 unread');
    await screenshot(page, 'widget-badge-one');

    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Anything else I can do?' });
    await badge.filter({ hasText: /^2$/ }).waitFor();
    await bubble.filter({ hasText: 'Anything else I can do?' }).waitFor();

    // Dismissing the bubble keeps the count.
    await bubble.getByRole('button', { name: 'Dismiss' }).click();
    await bubble.waitFor({ state: 'hidden' });
    expect(await badge.textContent()).toBe('2');

    // The visitor moves to another page of the site: the count (and the dismissal) follow.
    await page.reload();
    await badge.filter({ hasText: /^2$/ }).waitFor();
    expect(await bubble.isHidden()).toBe(true);

    await launcher.click();
    await widget(page).locator('.panel').waitFor();
    await widget(page).locator('.msg', { hasText: 'Anything else I can do?' }).waitFor();
    await widget(page).getByRole('button', { name: 'Close chat' }).click();
    expect(await badge.isHidden()).toBe(true);
    expect(await bubble.isHidden()).toBe(true);
    expect(await tones(page)).toBe(0);
    await page.reload();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor({ state: 'attached' });
    expect(await badge.isHidden()).toBe(true);

    // The visitor's own messages never count.
    await widget(page).locator('.launcher').click();
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('No, thanks');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await widget(page).locator('.msg.mine', { hasText: 'No, thanks' }).waitFor();
    await widget(page).getByRole('button', { name: 'Close chat' }).click();
    await page.waitForTimeout(300);
    expect(await badge.isHidden()).toBe(true);
    await page.context().close();
  });

  it('the bubble opens the chat; data-sound="on" chimes once per message', async () => {
    const { page, chatId } = await closedWidget('/sound');
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Ding' });
    const bubble = widget(page).locator('.bubble');
    await bubble.filter({ hasText: 'Ding' }).waitFor();
    expect(await tones(page)).toBe(1);
    await screenshot(page, 'widget-badge-bubble');
    await bubble.getByRole('button', { name: 'Open chat' }).click();
    await widget(page).locator('.panel').waitFor();
    await bubble.waitFor({ state: 'hidden' });

    // While the panel is open a message is simply read: no count, no chime.
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Seen live' });
    await widget(page).locator('.msg', { hasText: 'Seen live' }).waitFor();
    expect(await tones(page)).toBe(1);
    expect(await widget(page).locator('.launcher .badge').isHidden()).toBe(true);
    await page.context().close();
  });
});
