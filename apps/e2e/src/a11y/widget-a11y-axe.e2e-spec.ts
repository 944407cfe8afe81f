import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile } from '../support/sample-files';
import { dropFiles, openDemo, widget, writeFirst } from '../widget/widget-ui';

function chatIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId: string }).chatId;
  });
}

/** The widget on /demo, state after state, as one visitor goes through a conversation. */
describe('widget accessibility: no serious or critical axe-core violations (WCAG 2.2 A/AA)', () => {
  let env: E2eEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startE2eEnv('widget-a11y-axe');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'png|pdf', maxSizeKb: 1024 },
    });
    await env.admin.put('/v1/settings/chatbot', {
      enabled: true,
      botName: 'Acme Bot',
      steps: [
        { type: 'say', text: 'Hi! I will help you with your claim.' },
        { type: 'askFile', prompt: 'Please upload your receipt.', allowedTypes: 'png|pdf', skippable: true },
      ],
    });
    page = await env.page();
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function audit(name: string): Promise<void> {
    await screenshot(page, `a11y-widget-${name}`);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('the bot asking for a file', async () => {
    await openDemo(page);
    // The chat (and the bot's questions) start with the visitor's first message.
    await writeFirst(page, 'Hello');
    await widget(page)
      .locator('.msg[data-role="bot"]', { hasText: 'Please upload your receipt.' })
      .getByRole('button', { name: 'Upload file' })
      .waitFor();
    await audit('bot-asks');
  });

  it('closed: the launcher', async () => {
    await widget(page).getByRole('button', { name: 'Close chat' }).click();
    await widget(page).locator('.panel').waitFor({ state: 'hidden' });
    await audit('closed');
    await widget(page).getByRole('button', { name: 'Open chat' }).click();
    await widget(page).locator('.panel').waitFor();
  });

  it('open with messages of both sides', async () => {
    await widget(page).getByRole('button', { name: 'Skip' }).click();
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('My parcel arrived broken');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await env.admin.post(`/v1/chats/${await chatIdOf(page)}/messages`, { text: 'Sorry! Send a photo?' });
    await widget(page).locator('.log .msg', { hasText: 'Send a photo?' }).waitFor();
    await audit('messages');
  });

  it('a file in the tray and a refused one', async () => {
    await dropFiles(page, [
      pngFile('parcel.png', 300, 200, [180, 90, 40]),
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await widget(page).locator('.tray .card[data-file="tool.exe"][data-state="refused"]').waitFor();
    await widget(page).locator('.tray .card[data-file="parcel.png"]').waitFor();
    await audit('tray');
  });

  it('the image viewer', async () => {
    await widget(page).getByRole('button', { name: 'Remove tool.exe' }).click();
    await widget(page).getByRole('button', { name: 'Send' }).click();
    const thumb = widget(page).locator('.log .msg.mine button.thumb[data-loaded="true"]');
    await thumb.waitFor();
    await thumb.click();
    await widget(page).locator('.lightbox img').waitFor();
    await audit('image-viewer');
    await page.keyboard.press('Escape');
    await widget(page).locator('.lightbox').waitFor({ state: 'hidden' });
  });

  it('an ended conversation', async () => {
    await env.admin.post(`/v1/chats/${await chatIdOf(page)}/close`);
    await widget(page).locator('.ended').getByText('This conversation has ended').waitFor();
    await audit('ended');
  });

  it('an earlier conversation, read-only, after starting a new one', async () => {
    await widget(page).getByRole('button', { name: 'Start a new conversation' }).click();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    await page.reload();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    const earlier = widget(page).locator('details.earlier');
    await earlier.locator('summary').click();
    await earlier.locator('button[data-chat]').first().click();
    await widget(page).locator('.transcript .msg', { hasText: 'Send a photo?' }).waitFor();
    await audit('earlier-transcript');
    await page.keyboard.press('Escape');
    await widget(page).locator('.transcript').waitFor({ state: 'hidden' });
  });

  it('on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await widget(page).locator('.panel').waitFor();
    await audit('phone');
  });
});
