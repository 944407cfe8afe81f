import { waitUntil } from '@satchel/testing';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile } from '../support/sample-files';
import { dropFiles, openDemo, widget, writeFirst } from './widget-ui';

/** Messages after the early ones: more than the widget loads at once, so reaching those needs older pages. */
const FILLER = 120;

/** The visitor searches their own conversation: hits from the API, marked, reached across older pages. */
describe('widget: search within the conversation', () => {
  let env: E2eEnv;
  let visitor: Page;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('widget-search');
    visitor = await env.page();
    await openDemo(visitor);
    chatId = await writeFirst(visitor, 'My invoice 4711 is wrong');
    await dropFiles(visitor, [pdfFile('invoice-scan.pdf', 1)]);
    await widget(visitor).locator('.tray .card[data-file="invoice-scan.pdf"][data-state="ready"]').waitFor();
    await widget(visitor).locator('textarea').fill('Here is the scan');
    await widget(visitor).locator('button.send').click();
    await widget(visitor).locator('.log .msg.mine', { hasText: 'Here is the scan' }).waitFor();
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Which invoice do you mean?' });
    await plantFiller(env.server.db.url, chatId);
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Found your invoice now' });
    // Another conversation of the same account: never among this visitor's hits.
    const other = await env.admin.createChat('Someone else');
    await env.admin.post(`/v1/chats/${other.id}/messages`, { text: 'An invoice of someone else' });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('finds, marks and steps through the matches, loading older messages; Escape closes', async () => {
    // The browser's copy keeps only the newest message: on reload the widget loads the newest page
    // of messages, not the early ones.
    await visitor.evaluate((id) => {
      const key = `satchel:messages:${id}`;
      const kept = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
      localStorage.setItem(key, JSON.stringify(kept.slice(-1)));
    }, chatId);
    await visitor.reload();
    const w = widget(visitor);
    await w.locator('.log .msg', { hasText: 'Found your invoice now' }).waitFor();
    expect(await w.locator('.log .msg', { hasText: 'Which invoice do you mean?' }).count()).toBe(0);

    const opener = w.getByRole('button', { name: 'Search this conversation' });
    await opener.click();
    const field = w.getByRole('searchbox', { name: 'Search this conversation' });
    await field.waitFor();
    expect(await field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await field.fill('invoice');
    const count = w.locator('.search-bar .count');
    await count.filter({ hasText: '1 of 4' }).waitFor();
    expect(await count.getAttribute('aria-live')).toBe('polite');
    const current = w.locator('.log .msg.search-current');
    await current.filter({ hasText: 'Found your invoice now' }).waitFor();
    expect(await current.locator('mark').allTextContents()).toEqual(['invoice']);

    // Enter: the older match, on a page of messages not loaded yet.
    await field.press('Enter');
    await count.filter({ hasText: '2 of 4' }).waitFor();
    const asked = current.filter({ hasText: 'Which invoice do you mean?' });
    await asked.waitFor();
    await expect(asked.isVisible()).resolves.toBe(true);
    expect(await inView(visitor, 'Which invoice do you mean?')).toBe(true);

    // The file's name is marked too (the name wraps, so the mark may come in pieces).
    await field.press('Enter');
    await count.filter({ hasText: '3 of 4' }).waitFor();
    const withFile = current.filter({ hasText: 'Here is the scan' });
    await withFile.waitFor();
    expect((await withFile.locator('.name mark').allTextContents()).join('')).toBe('invoice');

    await field.press('ArrowUp');
    await count.filter({ hasText: '4 of 4' }).waitFor();
    await current.filter({ hasText: 'My invoice 4711 is wrong' }).waitFor();
    // Older pages take their place in time order, above the newer messages.
    const order = await w.locator('.log .msg .text').allTextContents();
    expect(order.indexOf('My invoice 4711 is wrong')).toBe(0);
    expect(order.indexOf('Which invoice do you mean?')).toBeLessThan(order.indexOf('Filler message 1'));
    expect(order.at(-1)).toBe('Found your invoice now');
    await screenshot(visitor, 'widget-search');
    await expectNoSeriousViolations(visitor, 'widget search');

    await field.press('Shift+Enter');
    await count.filter({ hasText: '3 of 4' }).waitFor();
    await w.getByRole('button', { name: 'Next match' }).click();
    await count.filter({ hasText: '2 of 4' }).waitFor();

    await field.fill('nothingmatcheshere');
    await count.filter({ hasText: 'No matches' }).waitFor();
    expect(await w.locator('.log mark').count()).toBe(0);

    await field.press('Escape');
    await w.locator('.search-bar').waitFor({ state: 'detached' });
    expect(await w.locator('.panel').isVisible()).toBe(true);
    expect(await opener.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  it('speaks the visitor’s language', async () => {
    await visitor.evaluate(() =>
      (window as unknown as { Satchel: (m: string, a: string) => void }).Satchel('setLocale', 'de'),
    );
    const w = widget(visitor);
    await w.getByRole('button', { name: 'Senden' }).waitFor();
    await w.getByRole('button', { name: 'Diese Unterhaltung durchsuchen' }).click();
    const field = w.getByRole('searchbox', { name: 'Diese Unterhaltung durchsuchen' });
    await field.fill('invoice');
    await w.locator('.search-bar .count', { hasText: '1 von 4' }).waitFor();
    await w.getByRole('button', { name: 'Suche schließen' }).click();
    await w.locator('.search-bar').waitFor({ state: 'detached' });
    await screenshot(visitor, 'widget-search-closed-de');
    await visitor.context().close();
  });
});

/** Many operator messages a millisecond apart, straight into the database (the API would rate-limit so many posts). */
async function plantFiller(dbUrl: string, chatId: string): Promise<void> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO messages (chat_id, account_id, author_role, author_name, text, created_at)
       SELECT c.id, c.account_id, 'operator', 'Ada', 'Filler message ' || n,
              (SELECT max(created_at) FROM messages WHERE chat_id = $1) + n * interval '1 ms'
         FROM chats c, generate_series(1, $2::int) n WHERE c.id = $1`,
      [chatId, FILLER],
    );
    // The filler is dated ahead of now: the next message must wait for the clock to pass it to come last.
    await waitUntil(
      'the database clock to pass the last filler',
      async () =>
        (
          await db.query<{ past: boolean }>(
            'SELECT clock_timestamp() > max(created_at) AS past FROM messages WHERE chat_id = $1',
            [chatId],
          )
        ).rows[0]?.past === true,
      5000,
      20,
    );
  } finally {
    await db.end();
  }
}

/** Whether the message with `text` is within the log's visible area (scrolled into view). */
function inView(page: Page, text: string): Promise<boolean> {
  return page.evaluate((t) => {
    const root = document.querySelector('satchel-widget')?.shadowRoot;
    const log = root?.querySelector('.log');
    const msg = Array.from(root?.querySelectorAll('.log .msg') ?? []).find((m) => m.textContent?.includes(t));
    if (!log || !msg) return false;
    const a = log.getBoundingClientRect();
    const b = msg.getBoundingClientRect();
    return b.top >= a.top - 1 && b.bottom <= a.bottom + 1;
  }, text);
}
