import type { AccountDto, InboxChatDto, MessageDto, UserDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

interface Recorded {
  __notes: { title: string; body: string }[];
  __tones: number;
}

/** Records every desktop notification the app creates (the real constructor still runs) and every tone. */
async function recordAlerts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Recorded & { Notification: typeof Notification };
    w.__notes = [];
    w.__tones = 0;
    const Real = w.Notification;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.__notes.push({ title, body: options?.body ?? '' });
      }
    }
    w.Notification = Recording;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones++;
      return original.call(this);
    };
  });
}

const notes = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__notes);
const tones = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__tones);

describe('console inbox: notifications and unread counts per operator', () => {
  let env: E2eEnv;
  let widgetKey: string;
  const PASSWORD = 'operator-pass-1';
  const OPERATOR = 'olga.notify@example.test';

  beforeAll(async () => {
    env = await startE2eEnv('inbox-notifications');
    widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
    await env.admin.post<UserDto>('/v1/users', {
      name: 'Olga Operator',
      email: OPERATOR,
      role: 'operator',
      password: PASSWORD,
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function visitorWrites(name: string, texts: string[]): Promise<string> {
    const started = await env.admin.startVisitorChat(widgetKey, name);
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    for (const text of texts)
      await visitor.post<MessageDto>(`/v1/chats/${started.chatId}/messages`, { text });
    return started.chatId;
  }

  async function inbox(page: Page): Promise<void> {
    await page.goto('/console/inbox');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  }

  it('a new message raises the tab-title count, a desktop notification and a chime (mutable, remembered)', async () => {
    const page = await env.page();
    await page.context().grantPermissions(['notifications'], { origin: env.server.url });
    await recordAlerts(page);
    await signIn(page);
    await inbox(page);
    expect(await page.title()).toBe('Inbox · Satchel');
    // Allowed already: no button to ask again.
    expect(await page.getByRole('button', { name: 'Enable desktop notifications' }).count()).toBe(0);

    const chatId = await visitorWrites('Nina Notify', ['Hello, my parcel is late']);
    await page.waitForFunction(() => document.title === '(1) Inbox · Satchel');
    await page.waitForFunction(() => (window as unknown as Recorded).__notes.length === 1);
    expect(await notes(page)).toEqual([
      { title: 'New chat from Nina Notify', body: 'Hello, my parcel is late' },
    ]);
    expect(await tones(page)).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sound for new messages' }).click();
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const mute = page.getByRole('button', { name: 'Sound for new messages' });
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    const visitor = await env.admin.get<InboxChatDto[]>('/v1/inbox');
    expect(visitor.find((c) => c.id === chatId)?.unreadCount).toBe(1);
    const started = await env.admin.startVisitorChat(widgetKey, 'Quiet Quinn');
    await new ApiClient(env.server.url)
      .withToken(started.visitorToken)
      .post(`/v1/chats/${started.chatId}/messages`, { text: 'psst' });
    await page.waitForFunction(() => document.title === '(2) Inbox · Satchel');
    await page.waitForFunction(() => (window as unknown as Recorded).__notes.length === 1);
    expect((await notes(page))[0]).toEqual({ title: 'New chat from Quiet Quinn', body: 'psst' });
    expect(await tones(page)).toBe(0);
    await screenshot(page, 'inbox-notifications-title-count');

    await page.locator(`[data-chat="${chatId}"]`).click();
    await page.waitForFunction(() => document.title === '(1) Inbox · Satchel');
    // Opening the chat read it on the server too: a reload keeps the count.
    await page.locator('article.msg', { hasText: 'my parcel is late' }).waitFor();
    for (let i = 0; i < 50; i++) {
      const list = await env.admin.get<InboxChatDto[]>('/v1/inbox');
      if (list.find((c) => c.id === chatId)?.unreadCount === 0) break;
      await page.waitForTimeout(200);
    }
    await page.goto('/console/inbox');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.waitForFunction(() => document.title === '(1) Inbox · Satchel');
    await page.context().close();
  });

  it('asks for desktop notifications only from the button, once', async () => {
    const page = await env.page();
    await signIn(page);
    await inbox(page);
    const ask = page.getByRole('button', { name: 'Enable desktop notifications' });
    await ask.waitFor();
    await screenshot(page, 'inbox-notifications-ask');
    await page.context().close();
  });

  it('keeps unread counts per operator: list, chat and title agree, and the admin sees their own', async () => {
    const admin = await env.page();
    await signIn(admin);
    await inbox(admin);
    const olga = await env.page();
    await signIn(olga, OPERATOR, PASSWORD);
    await inbox(olga);
    const before = (title: string) => Number(/^\((\d+)\)/.exec(title)?.[1] ?? 0);
    const adminBefore = before(await admin.title());
    const olgaBefore = before(await olga.title());

    const chatId = await visitorWrites('Una Unread', ['one', 'two']);
    for (const page of [admin, olga]) {
      await page.locator(`[data-chat="${chatId}"] .unread`).filter({ hasText: '2' }).waitFor();
    }
    await admin.waitForFunction((n) => document.title === `(${n}) Inbox · Satchel`, adminBefore + 2);
    await olga.waitForFunction((n) => document.title === `(${n}) Inbox · Satchel`, olgaBefore + 2);

    await olga.locator(`[data-chat="${chatId}"]`).click();
    await olga.locator('article.msg', { hasText: 'two' }).waitFor();
    await olga.locator(`[data-chat="${chatId}"] .unread`).waitFor({ state: 'detached' });
    await olga.waitForFunction((n) => document.title.startsWith(n ? `(${n}) ` : 'Inbox'), olgaBefore);
    // Olga's reading is hers: the admin's count stays, in the list, the title and the API.
    await admin.waitForTimeout(1000);
    expect(await admin.locator(`[data-chat="${chatId}"] .unread`).textContent()).toMatch(/^\s*2\s*$/);
    expect(await admin.title()).toBe(`(${adminBefore + 2}) Inbox · Satchel`);
    const adminInbox = await env.admin.get<InboxChatDto[]>('/v1/inbox');
    expect(adminInbox.find((c) => c.id === chatId)?.unreadCount).toBe(2);
    await screenshot(olga, 'inbox-unread-operator-read');
    await screenshot(admin, 'inbox-unread-admin-own-counts');

    // Another tab of Olga's agrees after she read it in the first.
    const olga2 = await env.page();
    await signIn(olga2, OPERATOR, PASSWORD);
    await inbox(olga2);
    await olga2.locator(`[data-chat="${chatId}"]`).waitFor();
    expect(await olga2.locator(`[data-chat="${chatId}"] .unread`).count()).toBe(0);
    for (const p of [admin, olga, olga2]) await p.context().close();
  });
});
