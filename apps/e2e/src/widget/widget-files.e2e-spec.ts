import type { AttachmentDto, ChatDto, MessageDto, Page as PageOf } from '@satchel/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { WORKSPACE_ROOT } from '../support/paths';
import { pdfFile, pngFile, sha256 } from '../support/sample-files';
import { cardHistory, dropFiles, openDemo, recordCardStates, storedChatId, widget } from './widget-ui';

describe('widget: files from a visitor to an operator and back', () => {
  let env: E2eEnv;
  let visitor: Page;
  let operator: Page;
  let chatId: string;
  const pdf = pdfFile('report.pdf', 2, 600 * 1024);
  const png = pngFile('photo.png', 320, 200, [40, 120, 200]);

  beforeAll(async () => {
    env = await startE2eEnv('widget-files');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'pdf|png|jpg', maxSizeKb: 1024 },
    });
    operator = await env.page();
    await signIn(operator);
    await operator.goto('/console/inbox');
    visitor = await env.page();
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function attachmentsOf(id: string): Promise<AttachmentDto[]> {
    return (await env.admin.get<PageOf<AttachmentDto>>(`/v1/attachments?chatId=${id}&pageSize=100`)).items;
  }

  it('loads only the small entry script on a page without PDFs, within the size budget', async () => {
    const scripts: string[] = [];
    visitor.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await openDemo(visitor);
    expect(scripts).toEqual(['/widget/widget.js']);
    const gz = gzipSync(readFileSync(join(WORKSPACE_ROOT, 'dist/apps/widget/widget.js'))).length;
    console.log(`widget.js: ${(gz / 1024).toFixed(1)} KB gzipped (budget 80 KB)`);
    expect(gz).toBeLessThan(80 * 1024);
    // Loading the page starts no chat: that waits for the visitor's first message or file.
    expect(await storedChatId(visitor)).toBe('');
  });

  it('a visitor drags a PDF and an image in, sees both in the tray, sends, sees progress and then the message', async () => {
    await recordCardStates(visitor);
    await dropFiles(visitor, [pdf, png]);
    const tray = widget(visitor).locator('.tray');
    await tray.locator('.card[data-file="report.pdf"][data-state="ready"]').waitFor();
    await tray.locator('.card[data-file="photo.png"][data-state="ready"] img').waitFor();
    // The PDF's first page is rendered by the lazily loaded pdf.js chunk, with its page count.
    await tray.locator('.card[data-file="report.pdf"] .sub', { hasText: '2 pages' }).waitFor();
    await tray.locator('.card[data-file="report.pdf"] canvas').waitFor();
    await screenshot(visitor, 'widget-tray');

    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('Here are my files');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const sent = widget(visitor).locator('.log .msg.mine', { hasText: 'Here are my files' });
    await sent.locator('[data-attachment]').nth(1).waitFor();
    expect(await sent.locator('[data-attachment]').count()).toBe(2);
    chatId = await storedChatId(visitor);
    expect(chatId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(tray.locator('.card').count()).resolves.toBe(0);

    const history = await cardHistory(visitor);
    for (const name of ['report.pdf', 'photo.png']) {
      const seen = history[name] ?? [];
      expect(seen).toContain('state:uploading');
      expect(seen.indexOf('state:uploading')).toBeLessThan(seen.lastIndexOf('state:done'));
      expect(seen).toContain('progress:100');
    }
    await screenshot(visitor, 'widget-sent');
  });

  it('the operator sees it live in the inbox and downloads both files with identical bytes', async () => {
    const item = operator.locator(`[data-chat="${chatId}"]`);
    await item.waitFor();
    await item.locator('.unread').waitFor();
    await item.click();
    const message = operator.locator('article.msg', { hasText: 'Here are my files' });
    await message.locator('sc-attachment-view').nth(1).waitFor();
    for (const file of [pdf, png]) {
      const [download] = await Promise.all([
        operator.waitForEvent('download'),
        message.getByRole('button', { name: `Download ${file.name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(file.name);
      const path = await download.path();
      expect(sha256(readFileSync(path))).toBe(sha256(file.buffer));
    }
    await screenshot(operator, 'inbox-chat');
  });

  it('the operator sends a file back and the visitor sees it inline, full size on click', async () => {
    const reply = pngFile('answer.png', 400, 300, [200, 60, 60]);
    await operator
      .locator('input[type=file][aria-label="Choose files"]')
      .setInputFiles({ name: reply.name, mimeType: reply.mimeType, buffer: reply.buffer });
    await operator.locator('.tray-file[data-file="answer.png"][data-state="ready"] img').waitFor();
    // Drag-and-drop works in the inbox too; the operator rule refuses what it does not allow.
    const manual = pdfFile('manual.pdf', 2);
    const exe = { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') };
    await operator.evaluate(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list)
          dt.items.add(
            new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }),
          );
        const target = document.querySelector('sc-chat-view section.chat');
        for (const type of ['dragover', 'drop'])
          target?.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      [manual, exe].map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString('base64') })),
    );
    const refused = operator.locator('.tray-file[data-file="tool.exe"][data-state="refused"]');
    await expect(refused.getByRole('alert').textContent()).resolves.toMatch(
      /tool\.exe: file type \.exe is not allowed/,
    );
    await refused.getByRole('button', { name: 'Remove tool.exe' }).click();
    const pdfItem = operator.locator('.tray-file[data-file="manual.pdf"][data-state="ready"]');
    await pdfItem.getByRole('button', { name: 'Preview' }).click();
    await pdfItem.getByText('Page 1 of 2').waitFor();
    await screenshot(operator, 'inbox-tray');
    await operator.getByRole('textbox', { name: 'Reply' }).fill('See the annotated picture');
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await operator
      .locator('article.msg', { hasText: 'See the annotated picture' })
      .locator('sc-attachment-view')
      .nth(1)
      .waitFor();

    const inbound = widget(visitor).locator('.log .msg:not(.mine)', { hasText: 'See the annotated picture' });
    const thumb = inbound.locator('button.thumb[data-loaded="true"] img');
    await thumb.waitFor();
    // The PDF's first page renders later and scrolls the log: click only once the message is laid out.
    await inbound.locator('img[alt="First page of manual.pdf"][data-preview="ready"]').waitFor();
    // The server's small rendition (fits 256²), not the 400 px original.
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
    await inbound.locator('button.thumb[data-attachment]').click();
    const full = widget(visitor).locator('.lightbox img');
    await full.waitFor();
    expect(await full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
    await screenshot(visitor, 'widget-inline-image');
    await widget(visitor).locator('.lightbox').getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a file of a refused type and one over the size limit in the tray, and never sends them', async () => {
    const before = await attachmentsOf(chatId);
    const uploads: string[] = [];
    visitor.on(
      'request',
      (r) => r.url().includes('/attachments') && r.method() === 'POST' && uploads.push(r.url()),
    );
    const exe = {
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ fake program'),
    };
    const big = pdfFile('huge.pdf', 1, 1024 * 1024 + 10);
    await dropFiles(visitor, [exe, big]);
    const tray = widget(visitor).locator('.tray');
    const exeCard = tray.locator('.card[data-file="setup.exe"][data-state="refused"]');
    const bigCard = tray.locator('.card[data-file="huge.pdf"][data-state="refused"]');
    await expect(exeCard.locator('.reason').textContent()).resolves.toBe(
      'setup.exe: file type .exe is not allowed (allowed: pdf, png, jpg)',
    );
    await expect(bigCard.locator('.reason').textContent()).resolves.toBe(
      'huge.pdf: file is larger than the limit of 1024 KB',
    );
    await screenshot(visitor, 'widget-refused');

    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('only text goes');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.log .msg.mine', { hasText: 'only text goes' }).waitFor();
    expect(await exeCard.count()).toBe(1);
    expect(await bigCard.count()).toBe(1);
    expect(uploads).toEqual([]);
    expect((await attachmentsOf(chatId)).length).toBe(before.length);
    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chatId}/messages`);
    expect(messages.at(-1)).toMatchObject({ text: 'only text goes', attachments: [] });
    await exeCard.getByRole('button', { name: 'Remove setup.exe' }).click();
    expect(await exeCard.count()).toBe(0);
  });

  it('shows the server refusal (415) on the file with what to do: no retry, a remove', async () => {
    await widget(visitor)
      .locator('.tray .card[data-file="huge.pdf"]')
      .getByRole('button', { name: 'Remove huge.pdf' })
      .click();
    // A PNG name on text content passes the name check here; the server checks the bytes and says 415.
    const fake = {
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is not an image at all'),
    };
    await dropFiles(visitor, [fake]);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const fakeCard = widget(visitor).locator('.tray .card[data-file="fake.png"][data-state="refused"]');
    await fakeCard.waitFor();
    expect(await fakeCard.locator('.reason').textContent()).toBe(
      'This file is not a real PNG — choose another file',
    );
    expect(await fakeCard.getByRole('button', { name: 'Retry', exact: true }).count()).toBe(0);
    await fakeCard.getByRole('button', { name: 'Remove fake.png' }).click();
  });

  it('cancels an upload in progress, and takes files pasted into the message box', async () => {
    // The upload hangs until cancelled; the held request is then aborted so it can never resume.
    let held: Route | undefined;
    await visitor.route('**/attachments', (route) => {
      held = route;
    });
    await dropFiles(visitor, [pngFile('slow.png', 32, 32, [9, 9, 9])]);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const slow = widget(visitor).locator('.tray .card[data-file="slow.png"][data-state="uploading"]');
    await slow.locator('progress').waitFor();
    await slow.getByRole('button', { name: 'Cancel' }).click();
    await slow.waitFor({ state: 'detached' });
    await held?.abort().catch(() => undefined);
    await visitor.unroute('**/attachments');

    const pasted = pngFile('pasted.png', 48, 48, [120, 20, 200]);
    await visitor.evaluate(
      ({ name, b64 }) => {
        const box = document.querySelector('satchel-widget')?.shadowRoot?.querySelector('textarea');
        const bin = atob(b64);
        const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'image/png' }));
        box?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
        );
      },
      { name: pasted.name, b64: pasted.buffer.toString('base64') },
    );
    await widget(visitor).locator('.tray .card[data-file="pasted.png"][data-state="ready"]').waitFor();
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.log .msg.mine button.thumb[title="Open pasted.png"]').waitFor();
    const names = (await attachmentsOf(chatId)).map((a) => a.name);
    expect(names).toContain('pasted.png');
    expect(names).not.toContain('slow.png');
  });

  it('keeps the same chat across a reload', async () => {
    await visitor.reload();
    await widget(visitor).locator('header .status', { hasText: 'Online' }).waitFor();
    await widget(visitor).locator('.log .msg', { hasText: 'only text goes' }).waitFor();
    const chat = await env.admin.get<ChatDto>(`/v1/chats/${chatId}`);
    expect(chat.status).toBe('open');
  });

  it('shows a server 413 on the file without Retry, sends the text, and the file once chosen again', async () => {
    // The limit shrinks after the widget read it: the server refuses with 413, which retrying cannot fix.
    // (This once stopped the API: a size refusal found while streaming was an unhandled stream error.)
    await env.admin.put('/v1/settings/uploads', { visitor: { maxSizeKb: 8 } });
    const medium = pngFile('medium.png', 100, 100, [1, 2, 3], true);
    await dropFiles(visitor, [medium]);
    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('text goes anyway');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const card = widget(visitor).locator('.tray .card[data-file="medium.png"]');
    await widget(visitor).locator('.tray .card[data-file="medium.png"][data-state="refused"]').waitFor();
    expect(await card.locator('.reason').textContent()).toMatch(/medium\.png.*8 KB — choose a smaller file$/);
    expect(await card.getByRole('button', { name: 'Retry', exact: true }).count()).toBe(0);
    await widget(visitor).locator('.log .msg.mine', { hasText: 'text goes anyway' }).waitFor();
    await screenshot(visitor, 'widget-server-error');

    await env.admin.put('/v1/settings/uploads', { visitor: { maxSizeKb: 1024 } });
    await card.getByRole('button', { name: 'Remove medium.png' }).click();
    await dropFiles(visitor, [medium]);
    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('chosen again');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor)
      .locator('.log .msg.mine', { hasText: 'chosen again' })
      .locator('[data-attachment]')
      .waitFor();
    await card.waitFor({ state: 'detached' });
  });
});
