import type { ChatDto, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile } from '../support/sample-files';
import { dropFiles, openDemo, widget } from './widget-ui';

const GREETING = 'Welcome to Acme! Tell us what happened.';

function chatIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId: string }).chatId;
  });
}

/** The width of an image the widget shows (the picture itself, decoded, as the visitor sees it). */
function imageWidth(page: Page, name: string): Promise<number> {
  return widget(page)
    .locator(`img[alt="${name}"]`)
    .first()
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
}

describe('widget: a closed conversation stays with the visitor', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('widget-continuity');
    await env.admin.put('/v1/settings/chatbot', {
      enabled: true,
      botName: 'Acme Bot',
      steps: [{ type: 'say', text: GREETING }],
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  const chatsOfAccount = async () => (await env.admin.get<PageOf<ChatDto>>('/v1/chats?pageSize=100')).items;

  it('keeps the transcript and file after the operator closes, starts anew on request, lists earlier ones', async () => {
    const page = await openVisitor();
    const log = widget(page).locator('.log').first();
    const greetings = () => widget(page).locator('.msg[data-role="bot"]', { hasText: GREETING }).count();
    await log.locator('.msg[data-role="bot"]', { hasText: GREETING }).waitFor();
    // Only a greeting so far: no chat until the visitor writes.
    expect(await chatsOfAccount()).toHaveLength(0);

    const photo = pngFile('broken-vase.png', 120, 90, [200, 40, 40]);
    await dropFiles(page, [photo]);
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('My vase arrived broken');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await log.locator('.msg.mine [data-attachment][data-loaded="true"]').waitFor();
    const firstChat = await chatIdOf(page);
    expect(await greetings()).toBe(1);
    await env.admin.post(`/v1/chats/${firstChat}/messages`, { text: 'Sorry! A refund is on its way.' });
    await log.locator('.msg', { hasText: 'A refund is on its way' }).waitFor();

    // The operator closes the chat: the visitor keeps everything and can no longer write.
    await env.admin.post(`/v1/chats/${firstChat}/close`);
    const ended = widget(page).locator('.ended');
    await ended.getByText('This conversation has ended').waitFor();
    expect(await widget(page).getByRole('textbox', { name: 'Message' }).isHidden()).toBe(true);
    expect(await log.locator('.msg', { hasText: 'My vase arrived broken' }).count()).toBe(1);
    expect(await log.locator('.msg', { hasText: 'A refund is on its way' }).count()).toBe(1);
    expect(await imageWidth(page, 'broken-vase.png')).toBe(120);
    await screenshot(page, 'widget-continuity-ended');

    // A reload shows the ended chat again; it starts no chat of its own, so the bot does not greet twice.
    await page.reload();
    await ended.getByText('This conversation has ended').waitFor();
    await log.locator('.msg', { hasText: 'A refund is on its way' }).waitFor();
    expect(await chatIdOf(page)).toBe(firstChat);
    expect(await chatsOfAccount()).toHaveLength(1);
    expect(await greetings()).toBe(1);

    // A new conversation, on request: a clean log, one greeting, and the composer back; the chat
    // itself starts with the visitor's first message.
    await ended.getByRole('button', { name: 'Start a new conversation' }).click();
    await ended.waitFor({ state: 'hidden' });
    await log.locator('.msg[data-role="bot"]', { hasText: GREETING }).waitFor();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    expect(await log.locator('.msg', { hasText: 'My vase arrived broken' }).count()).toBe(0);
    expect(await chatsOfAccount()).toHaveLength(1);
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('Another question');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await log.locator('.msg.mine', { hasText: 'Another question' }).waitFor();
    const secondChat = await chatIdOf(page);
    expect(secondChat).not.toBe(firstChat);
    await page.waitForTimeout(500);
    expect(await greetings()).toBe(1);
    expect(await chatsOfAccount()).toHaveLength(2);

    // A returning visitor sees the earlier conversation, read-only, with its file.
    await page.reload();
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    expect(await chatIdOf(page)).toBe(secondChat);
    const earlier = widget(page).locator('details.earlier');
    await earlier.locator('summary', { hasText: 'Earlier conversations (1)' }).click();
    await earlier.locator(`button[data-chat="${firstChat}"]`, { hasText: 'A refund is on its way' }).click();
    const transcript = widget(page).locator('.transcript');
    await transcript.locator('.msg', { hasText: 'My vase arrived broken' }).waitFor();
    await transcript.locator('.msg', { hasText: 'A refund is on its way' }).waitFor();
    await transcript.getByText('This conversation has ended').waitFor();
    await transcript.locator('[data-attachment][data-loaded="true"]').waitFor();
    expect(await imageWidth(page, 'broken-vase.png')).toBe(120);
    expect(await transcript.locator('textarea, .upload').count()).toBe(0);
    await screenshot(page, 'widget-continuity-earlier');
    await page.keyboard.press('Escape');
    await transcript.waitFor({ state: 'hidden' });
    await widget(page).locator('.panel').waitFor();
    expect(await greetings()).toBe(1);
    await page.context().close();
  });

  async function openVisitor(): Promise<Page> {
    const page = await env.page();
    await openDemo(page);
    return page;
  }
});
