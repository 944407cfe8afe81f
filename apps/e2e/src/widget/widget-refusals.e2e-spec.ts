import type { AttachmentDto, MessageDto, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, pngFile, type SampleFile } from '../support/sample-files';
import { dropFiles, openDemo, widget, writeFirst } from './widget-ui';

/** A Windows program renamed to look like a document. */
const disguisedPdf: SampleFile = {
  name: 'invoice.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]),
};

describe('widget: files the server refuses for good, retries that can help, sending what is ready', () => {
  let env: E2eEnv;
  let visitor: Page;
  let chatId: string;

  beforeAll(async () => {
    env = await startE2eEnv('widget-refusals');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'pdf|png|heic', maxSizeKb: 1024 },
    });
    // One test answers an upload with 503 on purpose: the browser logs it as an error.
    visitor = await env.page({ allowConsoleErrors: [/status of 503 .*\/attachments\)$/] });
    await openDemo(visitor);
    chatId = await writeFirst(visitor, 'I have some files for you');
  });

  afterAll(async () => {
    await env?.stop();
  });

  const tray = () => widget(visitor).locator('.tray');
  const card = (name: string) => tray().locator(`.card[data-file="${name}"]`);

  it('filters the paperclip picker to the allowed types', async () => {
    // The widget reads the rules once connected (and keeps a copy for offline use).
    await visitor.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('satchel:rule:')));
    const chooser = visitor.waitForEvent('filechooser');
    await widget(visitor).getByRole('button', { name: 'Attach files' }).click();
    const input = (await chooser).element();
    expect(await input.getAttribute('accept')).toBe('.pdf,.png,.heic');
  });

  it('refuses a fake PDF and a PNG named .heic without Retry, says what to do, and sends the good file', async () => {
    const heic = { ...pngFile('holiday.heic', 40, 30, [200, 120, 40]), mimeType: 'image/heic' };
    const good = pdfFile('contract.pdf', 1);
    await dropFiles(visitor, [disguisedPdf, heic, good]);
    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('My documents');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();

    const sent = widget(visitor).locator('.log .msg.mine', { hasText: 'My documents' });
    await sent.locator('[data-attachment]').first().waitFor();
    expect(await sent.locator('[data-attachment]').count()).toBe(1);
    expect(await sent.textContent()).toContain('contract.pdf');

    await card('invoice.pdf').and(tray().locator('[data-state="refused"]')).waitFor();
    expect(await card('invoice.pdf').locator('.reason').textContent()).toBe(
      'This file is not a real PDF — choose another file',
    );
    expect(await card('holiday.heic').locator('.reason').textContent()).toBe(
      'This file is not a real HEIC — choose another file',
    );
    expect(await tray().getByRole('button', { name: 'Retry', exact: true }).count()).toBe(0);
    await widget(visitor)
      .locator('.notice', { hasText: '2 files were not sent — see the reason on each.' })
      .waitFor();
    await screenshot(visitor, 'widget-refused-by-server');

    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chatId}/messages`);
    expect(messages.at(-1)?.attachments.map((a) => a.name)).toEqual(['contract.pdf']);
    const stored = await env.admin.get<PageOf<AttachmentDto>>(
      `/v1/attachments?chatId=${chatId}&pageSize=100`,
    );
    expect(stored.items.map((a) => a.name)).toEqual(['contract.pdf']);
  });

  it('says why when Send has only refused files to send', async () => {
    await dropFiles(visitor, [
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await card('tool.exe').and(tray().locator('[data-state="refused"]')).waitFor();
    for (const name of ['invoice.pdf', 'holiday.heic'])
      await card(name)
        .getByRole('button', { name: `Remove ${name}` })
        .click();
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const notice = widget(visitor).locator('.notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Nothing was sent: this file could not be sent — see the reason on it.',
    );
    expect(await card('tool.exe').locator('.reason').textContent()).toMatch(/\.exe is not allowed/);
    await card('tool.exe').getByRole('button', { name: 'Remove tool.exe' }).click();
  });

  it('offers Retry after a server error (503) and sends the file once retried', async () => {
    let failed = 0;
    await visitor.route('**/attachments', async (route) => {
      if (route.request().method() !== 'POST' || failed > 0) return route.continue();
      failed++;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Storage unavailable' }),
      });
    });
    const photo = pngFile('retry-me.png', 30, 30, [10, 160, 90]);
    const pdf = pdfFile('ready.pdf', 1);
    await dropFiles(visitor, [photo, pdf]);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const failedCard = card('retry-me.png').and(tray().locator('[data-state="failed"]'));
    await failedCard.waitFor();
    expect(await failedCard.locator('.reason').textContent()).toBe(
      'Files cannot be stored right now — try again later',
    );
    // The other file did not wait for it.
    await widget(visitor).locator('.log .msg.mine [data-attachment]', { hasText: 'ready.pdf' }).waitFor();

    await failedCard.getByRole('button', { name: 'Retry', exact: true }).click();
    await card('retry-me.png').and(tray().locator('[data-state="done"]')).waitFor();
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.log .msg.mine button.thumb[data-attachment]').last().waitFor();
    await tray().locator('.card').first().waitFor({ state: 'detached' });
    await visitor.unroute('**/attachments');
    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chatId}/messages`);
    expect(messages.at(-1)?.attachments.map((a) => a.name)).toEqual(['retry-me.png']);
    expect(failed).toBe(1);
  });
});
