import type { AccountDto, MessageDto, MessageSearchPage } from '@satchel/contracts';
import { waitFor } from '@satchel/testing';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

const COUNT = 70;

/** An operator searches a long conversation and jumps to a message older than the loaded page. */
describe('console inbox: search in a conversation', () => {
  let env: E2eEnv;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('chat-search', {
      RATE_LIMIT_MESSAGE_CHAT: '1000/60',
      RATE_LIMIT_MESSAGE_SENDER: '1000/60',
    });
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    const started = await env.admin.startVisitorChat(widgetKey, 'Searching Sam');
    chatId = started.chatId;
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    for (let i = 1; i <= COUNT; i++) {
      const text = i === 4 ? 'Where is my Kilimanjaro shipment?' : `Message ${i}`;
      await visitor.post<MessageDto>(`/v1/chats/${chatId}/messages`, { text });
    }
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('finds an old message with the match highlighted and jumps to it', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chatId}`);
    const log = page.getByRole('log');
    await log
      .locator('article')
      .filter({ hasText: `Message ${COUNT}` })
      .waitFor();
    const target = log.locator('article').filter({ hasText: 'Kilimanjaro shipment' });
    expect(await target.count()).toBe(0);

    await page.getByRole('button', { name: 'Search in this conversation' }).click();
    await page.getByLabel('Search messages').fill('kiliman');
    const results = page.getByRole('list', { name: 'Matching messages' });
    const hit = results.getByRole('button').first();
    await hit.waitFor();
    expect(await results.getByRole('button').count()).toBe(1);
    expect(await hit.locator('mark').allTextContents()).toEqual(['Kilimanjaro']);
    await screenshot(page, 'chat-search-results');

    await hit.click();
    await target.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Kilimanjaro shipment'));
    const box = await target.boundingBox();
    const logBox = await log.boundingBox();
    expect(box && logBox && box.y >= logBox.y && box.y + box.height <= logBox.y + logBox.height).toBe(true);
    await screenshot(page, 'chat-search-jump');

    await page.getByLabel('Search messages').fill('nothing-like-this');
    await page.getByText('No messages match.').waitFor();
    await page.context().close();
  });

  it('sets the account’s search language in the settings: it persists and stems the search', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/inbox');
    await page.getByRole('combobox', { name: 'Search language' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByText('Search language saved').waitFor();
    await page.getByText(/re-indexed in the background/).waitFor();
    await screenshot(page, 'chat-search-language-setting');
    await page.reload();
    await page.getByRole('combobox', { name: 'Search language' }).filter({ hasText: 'English' }).waitFor();
    expect((await env.admin.get<AccountDto>('/v1/account')).searchLanguage).toBe('english');

    // The background re-index reaches the old message: "shipments" finds "shipment".
    await waitFor('the re-index', async () => {
      const res = await env.admin.get<MessageSearchPage>(`/v1/chats/${chatId}/search?q=shipments`);
      return res.items.length === 1 ? true : undefined;
    });
    await page.goto(`/console/inbox/${chatId}`);
    await page.getByRole('button', { name: 'Search in this conversation' }).click();
    await page.getByLabel('Search messages').fill('shipments');
    const hit = page.getByRole('list', { name: 'Matching messages' }).getByRole('button').first();
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['shipment']);
    await screenshot(page, 'chat-search-stemmed');
    await page.context().close();
  });
});
