import type { AccountDto, MessageDto } from '@satchel/contracts';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { requestCount } from '../support/page-guard';
import { widget, writeFirst } from './widget-ui';

/** More than two pages of 100 after the first message: reaching it takes the API's cursor. */
const FILLER = 250;

const shop = (apiUrl: string, widgetKey: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Shop</h1>
<script src="${apiUrl}/widget/widget.js" data-widget-key="${widgetKey}" data-open="true" async></script>
</body></html>`;

/** The widget on another origin than the API: its history by pages, read receipts once per load. */
describe('widget: history pages (cursor) and read receipts', () => {
  let env: E2eEnv;
  let host: HostPage;
  let visitor: Page;
  let chatId: string;
  let newest: MessageDto;
  const reads: string[] = [];

  beforeAll(async () => {
    env = await startE2eEnv('widget-history-pages');
    host = await startHostPage(env.server.url);
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    host.set('/shop', shop(env.server.url, widgetKey));
    visitor = await env.page();
    visitor.on('request', (r) => {
      if (r.method() === 'POST' && /\/read$/.test(r.url())) reads.push(String(r.postData()));
    });
    await visitor.goto(`${host.url}/shop`);
    chatId = await writeFirst(visitor, 'The very first question');
    await plantFiller(env.server.db.url, chatId);
    await new Promise((r) => setTimeout(r, 300));
    newest = await env.admin.post<MessageDto>(`/v1/chats/${chatId}/messages`, { text: 'The newest answer' });
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('loads the newest page without a kept copy and marks only its newest message read', async () => {
    const w = widget(visitor);
    await w.locator('.log .msg', { hasText: 'The newest answer' }).waitFor();
    await visitor.evaluate((id) => localStorage.removeItem(`satchel:messages:${id}`), chatId);
    reads.length = 0;
    await visitor.reload();
    await w.locator('.log .msg', { hasText: 'The newest answer' }).waitFor();
    await w.locator('.log .msg', { hasText: `Filler message ${FILLER - 98}` }).waitFor();
    await visitor.waitForTimeout(1000);
    expect(reads).toEqual([JSON.stringify({ messageId: newest.id })]);
    expect(await w.locator('.log .msg', { hasText: 'The very first question' }).count()).toBe(0);
  });

  it('reaches the first message through older pages by cursor, gapless while messages keep arriving', async () => {
    const w = widget(visitor);
    let arriving = 0;
    // Each older page is asked for right after new messages arrived (live, at the end of the log).
    await visitor.route(/\/messages\?.*(before|cursor)=/, async (route) => {
      await env.admin.post(`/v1/chats/${chatId}/messages`, { text: `Arrived while paging ${++arriving}` });
      await w.locator('.log .msg', { hasText: `Arrived while paging ${arriving}` }).waitFor();
      await route.continue();
    });
    await w.getByRole('button', { name: 'Search this conversation' }).click();
    await w.getByRole('searchbox', { name: 'Search this conversation' }).fill('very first');
    await w.locator('.log .msg.search-current', { hasText: 'The very first question' }).waitFor();
    expect(requestCount(visitor, /\/messages\?.*cursor=/)).toBeGreaterThanOrEqual(1);

    const texts = await w.locator('.log .msg .text').allTextContents();
    const ids = await w
      .locator('.log .msg')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-message')));
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [
      'The very first question',
      ...Array.from({ length: FILLER }, (_, i) => `Filler message ${i + 1}`),
      'The newest answer',
      ...Array.from({ length: arriving }, (_, i) => `Arrived while paging ${i + 1}`),
    ];
    expect(texts.slice(texts.indexOf('The very first question'))).toEqual(expected);
    await screenshot(visitor, 'widget-history-pages');
    await visitor.unroute(/\/messages\?/);
  });

  it('catches up on a long absence: older pages by cursor until they reach the kept copy, no gap', async () => {
    const w = widget(visitor);
    await visitor.goto('about:blank');
    // While the page was away, more messages came than one page holds.
    await plantFiller(env.server.db.url, chatId, 'Meanwhile message', 150);
    await new Promise((r) => setTimeout(r, 300));
    await visitor.goto(`${host.url}/shop`);
    await w.locator('.log .msg', { hasText: 'Meanwhile message 150' }).waitFor();
    await w.locator('.log .msg .text', { hasText: /^Meanwhile message 1$/ }).waitFor();
    const texts = await w.locator('.log .msg .text').allTextContents();
    expect(texts.filter((t) => t.startsWith('Meanwhile message '))).toEqual(
      Array.from({ length: 150 }, (_, i) => `Meanwhile message ${i + 1}`),
    );
    expect(new Set(texts).size).toBe(texts.length);
    // The last page reached the kept copy: the one before it follows without a gap.
    expect(texts[texts.indexOf('Meanwhile message 1') - 1]).toMatch(/^Arrived while paging/);
    await visitor.context().close();
  });
});

/** Operator messages a millisecond apart, straight into the database (the API would rate-limit so many posts). */
async function plantFiller(
  dbUrl: string,
  chatId: string,
  text = 'Filler message',
  n = FILLER,
): Promise<void> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO messages (chat_id, account_id, author_role, author_name, text, created_at)
       SELECT c.id, c.account_id, 'operator', 'Ada', $3::text || ' ' || n,
              (SELECT max(created_at) FROM messages WHERE chat_id = $1) + n * interval '1 ms'
         FROM chats c, generate_series(1, $2::int) n WHERE c.id = $1`,
      [chatId, n, text],
    );
  } finally {
    await db.end();
  }
}
