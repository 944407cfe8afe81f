import type { AccountDto, MessageDto } from '@satchel/contracts';
import type { Page, Route } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { requestCount } from '../support/page-guard';

describe('console inbox list: unread counts that never get lost, and every open chat', () => {
  let env: E2eEnv;
  let operator: Page;
  let widgetKey: string;

  beforeAll(async () => {
    env = await startE2eEnv('inbox-list');
    widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
    operator = await env.page();
    await signIn(operator);
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

  it('shows a chat and its unread count that arrived before the live connection was up', async () => {
    // Hold the realtime connection: the list loads, then a visitor writes while the inbox is not live.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await operator.route('**/v1/realtime/connection', async (route: Route) => {
      await held;
      await route.continue();
    });
    await operator.goto('/console/inbox');
    await operator.getByRole('status').filter({ hasText: 'Connecting…' }).waitFor();
    await operator.getByText('No open chats').waitFor();

    const chatId = await visitorWrites('Early Ema', ['hello?', 'anyone there?']);
    release();
    await operator.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const badge = operator.locator(`[data-chat="${chatId}"] .unread`);
    await expect(badge.textContent()).resolves.toMatch(/^\s*2\s*$/);
    await operator.unroute('**/v1/realtime/connection');
  });

  it('counts live messages of a chat that started after the inbox opened', async () => {
    const chatId = await visitorWrites('Late Lou', ['first', 'second', 'third']);
    const badge = operator.locator(`[data-chat="${chatId}"] .unread`);
    await badge.filter({ hasText: '3' }).waitFor();
  });

  it('shows the newest 100 open chats and loads the rest on demand, unread counts included', async () => {
    const created: string[] = [];
    for (let i = 0; i < 101; i++) created.push((await env.admin.createChat(`Bulk ${i}`)).id);
    const newest = await visitorWrites('Newest Nia', ['are you there?']);
    await operator.goto('/console/inbox');
    await operator.locator(`[data-chat="${newest}"] .unread`).filter({ hasText: '1' }).waitFor();
    const items = operator.locator('a[data-chat]');
    await expect(items.count()).resolves.toBe(100);
    const oldest = operator.locator(`[data-chat="${created[0]}"]`);
    expect(await oldest.count()).toBe(0);

    // Chats arriving before the next page push the list down: the cursor still continues where it was.
    const arrived = [
      await visitorWrites('Arrived Ari', ['hi']),
      await visitorWrites('Arrived Bo', ['hello']),
    ];
    for (const id of arrived) await operator.locator(`[data-chat="${id}"]`).waitFor();
    // Scrolling to the end loads the next page (the "Load more chats" button at the end does the same).
    await operator.getByRole('button', { name: 'Load more chats' }).waitFor();
    await operator.locator('nav.list').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await oldest.waitFor();
    // 101 bulk chats + 3 started by visitors in this file + 2 arrived, each once.
    await expect(items.count()).resolves.toBe(106);
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-chat')));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...created, ...arrived, newest]) expect(ids).toContain(id);
    expect(requestCount(operator, /\/v1\/inbox\?.*cursor=/)).toBe(1);
    expect(await operator.getByRole('button', { name: 'Load more chats' }).count()).toBe(0);
    await screenshot(operator, 'inbox-list-all-loaded');
  });
});
