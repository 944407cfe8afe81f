import type { AccountDto, AttachmentDto, MessageDto, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { ADMIN } from '../support/api-server';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile } from '../support/sample-files';
import { widget } from '../widget/widget-ui';

/** The focused element, as a user would name it: its accessible label or text (widget shadow root included). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? el.getAttribute('data-chat') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${label.trim()}`;
  });
}

/** Presses `key` until the focused element matches `want` (a user tabbing to it); fails after `max` presses. */
async function pressUntil(page: Page, key: string, want: RegExp, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focusedName(page);
    if (want.test(now)) return;
    seen.push(now);
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${want}; focus went through:\n  ${seen.join('\n  ')}`);
}

describe('keyboard only: the main flows without a mouse', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('a11y-keyboard');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'png|pdf', maxSizeKb: 1024 },
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('widget: open it, type, attach with the paperclip and send', async () => {
    const page = await env.page();
    // Listen before anything else: the listener turns on file-chooser interception, which must be in
    // place before the keypress, or a busy machine may open the native dialog instead of the event.
    const chooser = page.waitForEvent('filechooser', { timeout: 120000 });
    chooser.catch(() => undefined); // awaited below; a failure earlier in the test must not leave it unhandled
    await page.goto('/demo');
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    // The demo opens the panel: close it from the keyboard to start from the launcher.
    await pressUntil(page, 'Tab', /^textarea:Message$/);
    await page.keyboard.press('Escape');
    await widget(page).locator('.panel').waitFor({ state: 'hidden' });
    expect(await focusedName(page)).toBe('button:Open chat');

    await page.keyboard.press('Enter');
    await widget(page).locator('.panel').waitFor();
    expect(await focusedName(page)).toBe('textarea:Message');
    await page.keyboard.type('Photo of the damage');

    await pressUntil(page, 'Shift+Tab', /^button:Attach files$/, 5);
    await page.keyboard.press('Enter');
    const photo = pngFile('damage.png', 200, 150, [160, 40, 40]);
    await (await chooser).setFiles({ name: photo.name, mimeType: photo.mimeType, buffer: photo.buffer });
    await widget(page).locator('.tray .card[data-file="damage.png"]').waitFor();

    await pressUntil(page, 'Tab', /^button:Send$/, 8);
    await page.keyboard.press('Enter');
    const sent = widget(page).locator('.log .msg.mine', { hasText: 'Photo of the damage' });
    await sent.locator('[data-attachment][data-loaded="true"]').waitFor();
    await screenshot(page, 'a11y-keyboard-widget-sent');

    const files = await env.admin.get<PageOf<AttachmentDto>>('/v1/attachments?q=damage');
    expect(files.items.map((f) => f.name)).toEqual(['damage.png']);
    await page.context().close();
  });

  it('console: sign in, open a chat from the inbox list and reply', async () => {
    const widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
    const started = await env.admin.startVisitorChat(widgetKey, 'Keyboard Kim');
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    await visitor.post<MessageDto>(`/v1/chats/${started.chatId}/messages`, { text: 'Is anyone there?' });

    const page = await env.page();
    await page.goto('/console/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await pressUntil(page, 'Tab', /^input:/, 5);
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.goto('/console/inbox');
    await page.locator(`[data-chat="${started.chatId}"]`).waitFor();
    await pressUntil(page, 'Tab', new RegExp(`^a:${started.chatId}$`));
    await page.keyboard.press('Enter');
    await page.locator('article.msg', { hasText: 'Is anyone there?' }).waitFor();

    await pressUntil(page, 'Tab', /^textarea:/, 60);
    await page.keyboard.type('Yes, how can I help?');
    await page.keyboard.press('Enter');
    await page.locator('article.msg', { hasText: 'Yes, how can I help?' }).waitFor();
    await screenshot(page, 'a11y-keyboard-console-reply');

    const messages = await visitor.get<MessageDto[]>(`/v1/chats/${started.chatId}/messages`);
    expect(messages.map((m) => m.text)).toContain('Yes, how can I help?');
    await page.context().close();
  });
});
