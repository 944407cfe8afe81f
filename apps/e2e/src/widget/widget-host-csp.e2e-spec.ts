import type { AccountDto, AttachmentDto } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { dropFiles, storedChatId, widget } from './widget-ui';
import { pdfFile, pngFile } from '../support/sample-files';

/**
 * The widget on a customer's page on another origin, under the strict policy README documents:
 * files both ways and the lazily loaded PDF preview work, and the browser reports no violation
 * (`env.stop()` fails the suite on any).
 */
describe('widget: embedded under a strict host-page Content-Security-Policy', () => {
  let env: E2eEnv;
  let host: HostPage;

  beforeAll(async () => {
    env = await startE2eEnv('widget-host-csp');
    host = await startHostPage(env.server.url);
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    host.set(
      '/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${env.server.url}/widget/widget.js" data-widget-key="${widgetKey}" data-open="true" async></script></body></html>`,
    );
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  it('sends and shows files, thumbnails and PDF previews', async () => {
    const page = await env.page();
    await page.goto(`${host.url}/`);
    await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();

    await dropFiles(page, [pngFile('mine.png', 50, 40, [10, 160, 90])]);
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await widget(page).locator('.msg.mine [data-attachment][data-loaded="true"]').waitFor();
    // The chat started with that first file.
    const chatId = await storedChatId(page);

    const manual = pdfFile('manual.pdf', 2);
    const [stored] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chatId}/attachments`, [
      { name: manual.name, content: manual.buffer, type: manual.mimeType },
    ]);
    await env.admin.post(`/v1/chats/${chatId}/messages`, { text: 'The manual', attachmentIds: [stored.id] });
    const inbound = widget(page).locator('.msg', { hasText: 'The manual' });
    await inbound.locator('.card[data-kind="pdf"] .sub', { hasText: '2 pages' }).waitFor();
    await inbound.locator('img[alt="First page of manual.pdf"][data-preview="ready"]').waitFor();
    await screenshot(page, 'widget-host-csp');
    await page.context().close();
  });
});
