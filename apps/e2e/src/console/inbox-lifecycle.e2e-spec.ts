import type { ChatDto, InboxSettings, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { openDemo, widget, writeFirst } from '../widget/widget-ui';

const OLGA = { email: 'olga@lifecycle.test', password: 'operator-pass-1', name: 'Olga Operator' };

/** Issue 12: no chat per page view; who the visitor is; close, reopen, assign live in two browsers; audit. */
describe('console inbox: lifecycle, assignment and the visitor panel', () => {
  let env: E2eEnv;
  let admin: Page;
  let olga: Page;
  let visitor: Page;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('inbox-lifecycle');
    await env.admin.post('/v1/users', { ...OLGA, role: 'operator' });
  });

  afterAll(async () => {
    await env?.stop();
  });

  const chats = async () => (await env.admin.get<PageOf<ChatDto>>('/v1/chats?pageSize=100')).total;
  const list = (page: Page) => page.getByRole('navigation', { name: /chats$/ });
  const view = (page: Page, name: RegExp) => page.getByRole('radio', { name });
  const count = (page: Page, v: string) => page.locator(`[data-count="${v}"]`);

  it('loading /demo five times without writing creates no chat; the first message does', async () => {
    visitor = await env.page();
    for (let i = 0; i < 5; i++) await openDemo(visitor);
    expect(await chats()).toBe(0);
    await screenshot(visitor, 'inbox-lifecycle-demo-no-chat');

    await visitor.evaluate(() =>
      (window as unknown as { Satchel: (m: string, a: object) => void }).Satchel('identify', {
        name: 'Nora Visitor',
        email: 'nora@example.test',
      }),
    );
    await openDemo(visitor);
    chatId = await writeFirst(visitor, 'Hello, my order 1042 has not arrived');
    expect(await chats()).toBe(1);
  });

  it('shows the visitor’s name, email, page and browser in the side panel', async () => {
    admin = await env.page();
    await signIn(admin);
    await admin.goto(`/console/inbox/${chatId}`);
    const panel = admin.getByRole('complementary', { name: 'About the visitor' });
    await panel.locator('[data-field="name"]', { hasText: 'Nora Visitor' }).waitFor();
    await panel.locator('[data-field="email"]', { hasText: 'nora@example.test' }).waitFor();
    await panel.locator('[data-field="page"]', { hasText: '/demo' }).waitFor();
    await panel.locator('[data-field="browser"]', { hasText: /Chrome \d+/ }).waitFor();
    await panel.locator('[data-field="time"]').waitFor();
    await screenshot(admin, 'inbox-lifecycle-visitor-panel');
  });

  it('closes, reopens when the visitor writes, assigns: the chat moves between views in both browsers', async () => {
    olga = await env.page();
    await signIn(olga, OLGA.email, OLGA.password);
    await olga.goto('/console/inbox');
    await list(olga).getByText('Nora Visitor').waitFor();
    await admin.goto('/console/inbox');
    await list(admin).getByText('Nora Visitor').waitFor();
    await count(admin, 'open').filter({ hasText: '1' }).waitFor();

    // Olga closes it: it leaves "All open" in the admin's browser and is under "Closed" there.
    await list(olga).getByText('Nora Visitor').click();
    await olga.getByRole('button', { name: 'Close chat' }).click();
    await olga.getByTestId('chat-status').filter({ hasText: 'Closed' }).waitFor();
    await widget(visitor).locator('.ended').getByText('This conversation has ended').waitFor();
    await list(admin).getByText('Nora Visitor').waitFor({ state: 'detached' });
    await count(admin, 'closed').filter({ hasText: '1' }).waitFor();
    await view(admin, /Closed/).click();
    await list(admin).getByText('Nora Visitor').waitFor();
    await screenshot(admin, 'inbox-lifecycle-closed-view');

    // The admin turns reopening on; the visitor writes again and the chat is open in both browsers.
    const settings = await env.page();
    await signIn(settings);
    await settings.goto('/console/settings/inbox');
    await settings.getByRole('switch', { name: 'Reopen a closed chat when the visitor writes' }).click();
    await settings.getByText('Inbox settings saved').waitFor();
    expect((await env.admin.get<InboxSettings>('/v1/settings/inbox')).reopenOnVisitorMessage).toBe(true);
    await screenshot(settings, 'inbox-lifecycle-settings');
    await settings.context().close();

    // The visitor's widget had shown the chat as ended; on the next page it can write again.
    await openDemo(visitor);
    await widget(visitor).locator('.msg', { hasText: 'my order 1042' }).waitFor();
    expect(await widget(visitor).locator('.ended').isHidden()).toBe(true);
    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('Any news?');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.msg.mine', { hasText: 'Any news?' }).waitFor();
    await screenshot(visitor, 'inbox-lifecycle-visitor-reopens');
    await list(admin).getByText('Nora Visitor').waitFor({ state: 'detached' });
    await count(admin, 'closed').filter({ hasText: '0' }).waitFor();
    await olga.getByTestId('chat-status').filter({ hasText: 'Open' }).waitFor();
    await view(olga, /Unassigned/).click();
    await list(olga).getByText('Nora Visitor').waitFor();

    // The admin assigns it to Olga: it leaves Olga's "Unassigned" and shows under her "Mine".
    await view(admin, /All open/).click();
    await list(admin).getByText('Nora Visitor').click();
    await admin.getByRole('button', { name: 'Unassigned' }).click();
    await admin.getByRole('menuitem', { name: /Olga Operator · online/ }).click();
    await admin.getByRole('button', { name: 'Assigned to Olga Operator' }).waitFor();
    await list(olga).getByText('Nora Visitor').waitFor({ state: 'detached' });
    await count(olga, 'mine').filter({ hasText: '1' }).waitFor();
    await view(olga, /Mine/).click();
    await list(olga).getByText('Nora Visitor').waitFor();
    await list(olga).getByText('Assigned to Olga Operator').waitFor();
    await screenshot(olga, 'inbox-lifecycle-mine');
    await screenshot(admin, 'inbox-lifecycle-assigned');
  });

  it('searches by message text', async () => {
    await view(admin, /All open/).click();
    const search = admin.getByRole('searchbox', { name: 'Search chats' });
    await search.fill('1042');
    await list(admin).getByText('Nora Visitor').waitFor();
    await search.fill('nothing-like-this');
    await admin.getByText('No chats match this search.').waitFor();
    await search.fill('');
    await list(admin).getByText('Nora Visitor').waitFor();
  });

  it('lists the lifecycle and settings changes in the audit log with names', async () => {
    await admin.goto('/console/audit');
    const table = admin.getByRole('table', { name: 'Audit events' });
    const row = (action: string) => table.getByRole('row').filter({ hasText: action });
    await row('Chat closed')
      .filter({ hasText: 'Olga Operator' })
      .filter({ hasText: 'chat with Nora Visitor' })
      .waitFor();
    await row('Chat assigned')
      .filter({ hasText: 'to Olga Operator' })
      .filter({ hasText: 'chat with Nora Visitor' })
      .waitFor();
    await row('Inbox settings changed').waitFor();
    expect(await table.getByText(chatId).count()).toBe(0);
    await screenshot(admin, 'inbox-lifecycle-audit');
    await widget(visitor).locator('.panel').waitFor();
  });
});
