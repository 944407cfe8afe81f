import type { AccountDto, MessageDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { requestCount } from '../support/page-guard';

const COUNT = 200;

interface Layout {
  /** Top of the message, relative to the viewport (null when not rendered). */
  messageTop: (text: string) => Promise<number | null>;
}

/** Where things are on screen, all relative to the viewport. */
async function geometry(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
    const log = document.querySelector('[role=log]')!;
    const articles = Array.from(log.querySelectorAll('article'));
    const newest = articles.at(-1)!;
    const scroller = document.querySelector('mat-sidenav-content')!;
    return {
      viewport: window.innerHeight,
      pageScroll: scroller.scrollTop + (document.scrollingElement?.scrollTop ?? 0),
      composer: rect(document.querySelector('textarea'))!,
      newest: rect(newest)!,
      newestText: newest.querySelector('.text')?.textContent?.trim(),
      log: rect(log)!,
      list: rect(document.querySelector('nav[aria-label=Chats]'))!,
      rendered: articles.length,
    };
  });
}

const layout = (page: Page): Layout => ({
  messageTop: (text) =>
    page.evaluate((t) => {
      const el = Array.from(document.querySelectorAll('[role=log] article')).find(
        (a) => a.querySelector('.text')?.textContent?.trim() === t,
      );
      return el ? el.getBoundingClientRect().top : null;
    }, text),
});

describe('console inbox: a long conversation', () => {
  let env: E2eEnv;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('inbox-long-chat', {
      // The test writes 200 messages into one chat through the API within a minute.
      RATE_LIMIT_MESSAGE_CHAT: '1000/60',
      RATE_LIMIT_MESSAGE_SENDER: '1000/60',
    });
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    const started = await env.admin.startVisitorChat(widgetKey, 'Talkative Tia');
    chatId = started.chatId;
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    for (let i = 1; i <= COUNT; i++) {
      const author = i % 3 === 0 ? env.admin : visitor;
      await author.post<MessageDto>(`/v1/chats/${chatId}/messages`, { text: `Message ${i}` });
    }
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('opens at the newest message with the composer on screen and loads older ones on scroll up', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chatId}`);
    await page
      .locator('[role=log] article')
      .filter({ hasText: `Message ${COUNT}` })
      .waitFor();
    await page.waitForFunction(() => {
      const log = document.querySelector('[role=log]')!;
      return log.scrollHeight - log.scrollTop - log.clientHeight < 2;
    });

    const start = await geometry(page);
    expect(start.newestText).toBe(`Message ${COUNT}`);
    expect(start.pageScroll).toBe(0);
    expect(start.composer.bottom).toBeLessThanOrEqual(start.viewport);
    expect(start.composer.top).toBeGreaterThan(start.log.bottom - 1);
    expect(start.newest.bottom).toBeLessThanOrEqual(start.log.bottom + 1);
    expect(start.newest.top).toBeGreaterThanOrEqual(start.log.top);
    expect(start.log.bottom).toBeLessThanOrEqual(start.viewport);
    expect(start.rendered).toBeLessThan(COUNT);
    await screenshot(page, 'inbox-long-chat');

    // Scroll the log to its top: the previous page is put above without moving what is on screen.
    const oldestShown = `Message ${COUNT - start.rendered + 1}`;
    const where = layout(page);
    await page.locator('[role=log]').evaluate((el) => el.scrollTo({ top: 0 }));
    const before = await where.messageTop(oldestShown);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[role=log] article').length > n,
      start.rendered,
    );
    await page.waitForTimeout(300);
    const after = await where.messageTop(oldestShown);
    expect(before).not.toBeNull();
    expect(Math.abs((after ?? 0) - (before ?? 0))).toBeLessThanOrEqual(2);

    const moved = await geometry(page);
    expect(moved.pageScroll).toBe(0);
    expect(moved.list.top).toBe(start.list.top);
    expect(moved.composer.bottom).toBeLessThanOrEqual(moved.viewport);

    // Keep going up until the first message of the chat.
    for (let i = 0; i < 10; i++) {
      if (
        await page
          .locator('[role=log] article')
          .filter({ hasText: /^\s*.*Message 1\s*$/ })
          .count()
      )
        break;
      await page.locator('[role=log]').evaluate((el) => el.scrollTo({ top: 0 }));
      await page.waitForTimeout(400);
    }
    await page.waitForFunction((n) => document.querySelectorAll('[role=log] article').length === n, COUNT);
    // Older pages come by the API's cursor (X-Next-Cursor), not by the oldest message's id.
    expect(requestCount(page, /\/messages\?.*cursor=/)).toBeGreaterThanOrEqual(1);
    expect(requestCount(page, /\/messages\?.*before=/)).toBe(0);
    await screenshot(page, 'inbox-long-chat-oldest');
    await page.context().close();
  });

  it('on a phone (390 × 844) the chat takes the screen and the reply box stays on it', async () => {
    const page = await env.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await page.goto(`/console/inbox/${chatId}`);
    await page
      .locator('[role=log] article')
      .filter({ hasText: `Message ${COUNT}` })
      .waitFor();
    await page.waitForFunction(() => {
      const log = document.querySelector('[role=log]')!;
      return log.scrollHeight - log.scrollTop - log.clientHeight < 2;
    });
    const g = await page.evaluate(() => {
      const rect = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const scroller = document.querySelector('mat-sidenav-content')!;
      return {
        pageScroll: scroller.scrollTop + (document.scrollingElement?.scrollTop ?? 0),
        composer: rect('textarea'),
        log: rect('[role=log]'),
        listShown: (document.querySelector('nav[aria-label=Chats]') as HTMLElement).offsetParent !== null,
      };
    });
    expect(g.pageScroll).toBe(0);
    expect(g.listShown).toBe(false);
    expect(g.composer.bottom).toBeLessThanOrEqual(844);
    expect(g.composer.top).toBeGreaterThan(g.log.bottom - 1);
    expect(g.log.height).toBeGreaterThan(300);
    await screenshot(page, 'inbox-long-chat-phone');
    await page.context().close();
  });
});
