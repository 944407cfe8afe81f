import type { AccountDto, AttachmentDto, ChatDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { SATCHEL_STUB, startHostPage, type HostPage } from '../support/host-page';
import { pngFile } from '../support/sample-files';
import { widget, writeFirst } from './widget-ui';

interface Seen {
  event: string;
  payload?: { text?: string; name?: string; author?: { role: string }; attachments?: { name: string }[] };
}

/** A customer's page: the stub and its early calls (inline, with the CSP nonce), then the async script tag. */
function hostHtml(host: HostPage, apiUrl: string, widgetKey: string, early: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body>
<h1>A shop on another origin</h1>
<script nonce="${host.nonce}">
window.__before = Object.getOwnPropertyNames(window);
window.__seen = [];
${SATCHEL_STUB}
const record = (event) => (payload) => window.__seen.push({ event, payload });
for (const e of ['ready', 'open', 'close', 'message', 'file']) Satchel('on', e, record(e));
${early}
</script>
<script src="${apiUrl}/widget/widget.js" data-widget-key="${widgetKey}" async></script>
</body></html>`;
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
const events = async (page: Page) => (await seen(page)).map((s) => s.event);
const panel = (page: Page) => widget(page).locator('.panel');

describe('widget: the host-page API (window.Satchel)', () => {
  let env: E2eEnv;
  let host: HostPage;
  let widgetKey: string;

  beforeAll(async () => {
    env = await startE2eEnv('widget-host-api');
    host = await startHostPage(env.server.url);
    widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('runs the calls queued before the script loaded, once it has', async () => {
    host.set(
      '/queued',
      hostHtml(
        host,
        env.server.url,
        widgetKey,
        `Satchel('identify', { name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' });
Satchel('setLocale', 'ar');
Satchel('open');`,
      ),
    );
    const page = await env.page();
    await page.goto(`${host.url}/queued`);
    await panel(page).waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { __seen: Seen[] }).__seen.some((s) => s.event === 'ready'),
    );
    expect(await events(page)).toEqual(expect.arrayContaining(['open', 'ready']));

    // setLocale: lang and dir on the widget's root element, kept for the next page.
    const root = widget(page);
    expect(await root.getAttribute('lang')).toBe('ar');
    expect(await root.getAttribute('dir')).toBe('rtl');

    // identify: the name reaches the operator (the chat starts with it); the rest stays in the browser.
    const chat = await env.admin.get<ChatDto>(`/v1/chats/${await writeFirst(page)}`);
    expect(chat.visitorName).toBe('Ada Lovelace');
    const kept = await page.evaluate((k) => localStorage.getItem(`satchel:visitor:${k}`), widgetKey);
    expect(JSON.parse(kept ?? '{}')).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      plan: 'pro',
    });

    // The widget adds one global and no styles to the host page.
    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { __before: string[] }).__before);
      return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
    });
    expect(added.filter((n) => n !== '__seen' && n !== '__before' && n !== 'record')).toEqual(['Satchel']);
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(0);
    await screenshot(page, 'widget-host-api-queued');

    await page.reload();
    await panel(page).waitFor();
    expect(await root.getAttribute('dir')).toBe('rtl');
    await page.context().close();
  });

  it('open, close and toggle work in method and function form, with their events', async () => {
    host.set('/methods', hostHtml(host, env.server.url, widgetKey, ''));
    const page = await env.page();
    await page.goto(`${host.url}/methods`);
    await widget(page).locator('.launcher').waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { __seen: Seen[] }).__seen.some((s) => s.event === 'ready'),
    );
    expect(await panel(page).isHidden()).toBe(true);

    type Api = ((m: string, ...a: unknown[]) => void) & Record<string, (...a: unknown[]) => void>;
    const call = (how: 'method' | 'function', name: string) =>
      page.evaluate(
        ([h, n]) => {
          const s = (window as unknown as { Satchel: Api }).Satchel;
          if (h === 'method') s[n]();
          else s(n);
        },
        [how, name] as const,
      );

    await call('method', 'open');
    await panel(page).waitFor();
    await call('method', 'close');
    await panel(page).waitFor({ state: 'hidden' });
    await call('function', 'toggle');
    await panel(page).waitFor();
    await call('method', 'toggle');
    await panel(page).waitFor({ state: 'hidden' });
    await call('function', 'open');
    await panel(page).waitFor();
    // Opening an open panel says nothing new.
    await call('method', 'open');
    // The visitor closing it with × is a close too.
    await widget(page).getByRole('button', { name: 'Close chat' }).click();
    await panel(page).waitFor({ state: 'hidden' });
    expect((await events(page)).filter((e) => e === 'open' || e === 'close')).toEqual([
      'open',
      'close',
      'open',
      'close',
      'open',
      'close',
    ]);
    await page.context().close();
  });

  it('tells the host page about messages and files, and off() stops a listener', async () => {
    host.set('/events', hostHtml(host, env.server.url, widgetKey, `Satchel('open');`));
    const page = await env.page();
    await page.goto(`${host.url}/events`);
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
    const chatId = await writeFirst(page, 'Hi there');

    const picture = pngFile('plan.png', 40, 30, [0, 120, 200]);
    const [stored] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chatId}/attachments`, [
      { name: picture.name, content: picture.buffer, type: picture.mimeType },
    ]);
    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Here is the plan',
      attachmentIds: [stored.id],
    });
    await page.waitForFunction(() =>
      (window as unknown as { __seen: Seen[] }).__seen.some((s) => s.event === 'file'),
    );
    const got = await seen(page);
    const message = got.find((s) => s.event === 'message' && s.payload?.text === 'Here is the plan');
    expect(message?.payload?.author?.role).not.toBe('visitor');
    expect(message?.payload?.attachments?.map((a) => a.name)).toEqual(['plan.png']);
    expect(got.filter((s) => s.event === 'file').map((s) => s.payload?.name)).toEqual(['plan.png']);

    // The visitor's own message is an event too.
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('Thanks!');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() =>
      (window as unknown as { __seen: Seen[] }).__seen.some(
        (s) => s.event === 'message' && s.payload?.text === 'Thanks!',
      ),
    );
    expect((await seen(page)).find((s) => s.payload?.text === 'Thanks!')?.payload?.author?.role).toBe(
      'visitor',
    );

    // off(): a listener removed hears nothing more; one still on does.
    await page.evaluate(() => {
      const w = window as unknown as {
        Satchel: Record<string, (...a: unknown[]) => void>;
        __off: string[];
        __on: string[];
      };
      w.__off = [];
      w.__on = [];
      const gone = (m: { text: string }) => w.__off.push(m.text);
      w.Satchel['on']('message', gone);
      w.Satchel['on']('message', (m: { text: string }) => w.__on.push(m.text));
      w.Satchel['off']('message', gone);
    });
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'Anything else?' });
    await page.waitForFunction(() => (window as unknown as { __on: string[] }).__on.length === 1);
    expect(await page.evaluate(() => (window as unknown as { __off: string[] }).__off)).toEqual([]);
    await screenshot(page, 'widget-host-api-events');
    await page.context().close();
  });

  it('a script tag pasted twice still makes one widget', async () => {
    const tag = `<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" async></script>`;
    host.set('/twice', hostHtml(host, env.server.url, widgetKey, '').replace('</body>', `${tag}</body>`));
    const page = await env.page();
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.goto(`${host.url}/twice`);
    await page.waitForFunction(() =>
      (window as unknown as { __seen: Seen[] }).__seen.some((s) => s.event === 'ready'),
    );
    await page.waitForTimeout(300);
    expect(await page.locator('satchel-widget').count()).toBe(1);
    expect((await events(page)).filter((e) => e === 'ready')).toEqual(['ready']);
    expect(warnings).toContain(
      'Satchel widget: already loaded on this page; the second script tag is ignored',
    );
    await page.context().close();
  });
});
