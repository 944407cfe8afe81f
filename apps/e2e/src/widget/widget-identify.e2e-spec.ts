import type { AccountDto, AppearanceSettings, ChatDto } from '@satchel/contracts';
import { createHmac } from 'node:crypto';
import { waitFor } from '@satchel/testing';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { SATCHEL_STUB, startHostPage, type HostPage } from '../support/host-page';
import { widget, writeFirst } from './widget-ui';

/** The identify() refusal the browser logs when verification is on and the hash is wrong. */
const REFUSED = [/status of 403 \(Forbidden\).*\/identify/];

/** `Satchel('identify', {id, name, email, hash})` on a host page reaches the operator, verified or refused. */
describe('widget: identify() round trip with and without identity verification', () => {
  let env: E2eEnv;
  let host: HostPage;
  let widgetKey: string;

  const hostHtml = (call: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Account page</title></head>
<body><h1>Signed in as a customer</h1>
<script nonce="${host.nonce}">${SATCHEL_STUB}
${call}</script>
<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" data-open="true" async></script>
</body></html>`;

  /**
   * Opens the page, writes the first message (a chat starts with it; identify() is sent then) and
   * waits for the identify call to be answered.
   */
  async function visit(path: string, guard = {}): Promise<{ page: Page; chatId: string; status: number }> {
    const page = await env.page(guard);
    await page.goto(`${host.url}${path}`);
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/identify'));
    const chatId = await writeFirst(page, 'Hello from my account page');
    const status = (await answered).status();
    return { page, chatId, status };
  }

  const chatOnceNamed = (chatId: string, name: string): Promise<ChatDto> =>
    waitFor(`the chat to be named ${name}`, async () => {
      const chat = await env.admin.get<ChatDto>(`/v1/chats/${chatId}`);
      return chat.visitorName === name ? chat : undefined;
    });

  beforeAll(async () => {
    env = await startE2eEnv('widget-identify');
    host = await startHostPage(env.server.url);
    widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('without verification: the name and email reach the operator (shown in the inbox), unverified', async () => {
    host.set(
      '/open',
      hostHtml(`Satchel('identify', { id: 'cust-1', name: 'Grace Hopper', email: 'grace@example.com' });`),
    );
    const { page, chatId } = await visit('/open');
    const chat = await chatOnceNamed(chatId, 'Grace Hopper');
    expect(chat).toMatchObject({ visitorEmail: 'grace@example.com', visitorVerified: false });
    await page.context().close();

    const operator = await env.page();
    await signIn(operator);
    await operator.goto(`/console/inbox/${chatId}`);
    const conversation = operator.getByRole('region', { name: 'Conversation' });
    await conversation.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    await conversation.getByText('grace@example.com').waitFor();
    await screenshot(operator, 'console-inbox-identified-visitor');
    await operator.context().close();
  });

  it('with verification required: a wrong hash is refused, the right one is verified', async () => {
    const s = await env.admin.put<AppearanceSettings>('/v1/settings/appearance', { identityRequired: true });
    const hash = createHmac('sha256', s.identity.secret).update('cust-2').digest('hex');
    const wrong = createHmac('sha256', 'not-the-secret').update('cust-2').digest('hex');

    host.set(
      '/forged',
      hostHtml(`Satchel('identify', { id: 'cust-2', name: 'Mallory', hash: '${wrong}' });`),
    );
    const forged = await visit('/forged', { allowConsoleErrors: REFUSED });
    expect(forged.status).toBe(403);
    const untouched = await env.admin.get<ChatDto>(`/v1/chats/${forged.chatId}`);
    expect(untouched.visitorName).not.toBe('Mallory');
    expect(untouched.visitorVerified).toBe(false);
    await forged.page.context().close();

    host.set(
      '/signed',
      hostHtml(
        `Satchel('identify', { id: 'cust-2', name: 'Carol Signed', email: 'carol@example.com', hash: '${hash}' });`,
      ),
    );
    const signed = await visit('/signed');
    expect(signed.status).toBe(200);
    const chat = await chatOnceNamed(signed.chatId, 'Carol Signed');
    expect(chat).toMatchObject({ visitorEmail: 'carol@example.com', visitorVerified: true });
    await signed.page.context().close();
    await env.admin.put('/v1/settings/appearance', { identityRequired: false });
  });
});
