import type { AttachmentDto, FileRequestDto, MessageDto, Page as PageOf } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, pngFile, sha256 } from '../support/sample-files';
import { dropFiles, openDemo, widget, writeFirst } from './widget-ui';

function chatIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId: string }).chatId;
  });
}

/** An admin builds the bot's steps in the console. */
async function configureBotInConsole(admin: Page): Promise<void> {
  await signIn(admin);
  await admin.goto('/console/settings/chatbot');
  await admin.getByRole('switch', { name: 'Chatbot on' }).click();
  await admin.getByLabel('Bot name').fill('Satchel Bot');
  await admin.getByRole('button', { name: 'Add “Say”' }).click();
  await admin.locator('[data-step="0"]').getByLabel('Text').fill('Hi! I will help you file your claim.');
  await admin.getByRole('button', { name: 'Add “Ask for a file”' }).click();
  await admin.locator('[data-step="1"]').getByLabel('Prompt').fill('Please upload your receipt (PDF).');
  await admin.locator('[data-step="1"]').getByLabel('Types (optional)').fill('pdf');
  await admin.getByRole('button', { name: 'Add “Hand over”' }).click();
  await admin.locator('[data-step="2"]').getByLabel('Text (optional)').fill('An operator will check it now.');
  await admin.getByRole('button', { name: 'Add “Say”' }).click();
  await admin
    .locator('[data-step="3"]')
    .getByLabel('Text')
    .fill('Thanks, the receipt is attached to your claim.');
  await admin.getByRole('button', { name: 'Move step 4 up' }).click();
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Chatbot saved').waitFor();
  await screenshot(admin, 'console-chatbot');
  await admin.context().close();
}

describe('widget: the chatbot asks for a file; files chosen offline are sent later', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('widget-bot-offline');
  });

  afterAll(async () => {
    await env?.stop();
  });

  const attachmentsOf = async (chatId: string) =>
    (await env.admin.get<PageOf<AttachmentDto>>(`/v1/attachments?chatId=${chatId}&pageSize=100`)).items;

  it('the bot asks for a file with an upload button, waits, and continues after the upload', async () => {
    await configureBotInConsole(await env.page());
    const page = await env.page();
    await openDemo(page);
    // The bot's questions come once the visitor has written (the chat starts then).
    await writeFirst(page, 'Hi, I want to file a claim');
    const ask = widget(page).locator('.msg[data-role="bot"]', {
      hasText: 'Please upload your receipt (PDF).',
    });
    const upload = ask.getByRole('button', { name: 'Upload file' });
    await upload.waitFor();
    await screenshot(page, 'widget-bot-asks');

    // It waits: nothing more from the bot while no file came.
    await page.waitForTimeout(500);
    expect(await widget(page).locator('.msg[data-role="bot"]').count()).toBe(2);

    const receipt = pdfFile('receipt.pdf', 1);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), upload.click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: receipt.name, mimeType: receipt.mimeType, buffer: receipt.buffer });
    await widget(page).locator('.tray .for', { hasText: 'For: Please upload your receipt (PDF).' }).waitFor();
    await widget(page).getByRole('button', { name: 'Send' }).click();

    await ask.locator('.request-done', { hasText: 'File received' }).waitFor();
    await widget(page)
      .locator('.msg[data-role="bot"]', { hasText: 'Thanks, the receipt is attached to your claim.' })
      .waitFor();
    await widget(page)
      .locator('.msg[data-role="bot"]', { hasText: 'An operator will check it now.' })
      .waitFor();
    await screenshot(page, 'widget-bot-continued');

    const chatId = await chatIdOf(page);
    const [request] = await env.admin.get<FileRequestDto[]>(`/v1/chats/${chatId}/file-requests`);
    expect(request).toMatchObject({ status: 'fulfilled', requestedBy: { role: 'bot' } });
    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chatId}/messages`);
    const answer = messages.find((m) => m.id === request?.fulfilledMessageId);
    expect(answer?.attachments.map((a) => [a.name, a.sha256])).toEqual([
      ['receipt.pdf', sha256(receipt.buffer)],
    ]);
    await env.admin.put('/v1/settings/chatbot', { enabled: false, botName: 'Satchel Bot', steps: [] });
    await page.context().close();
  });

  it('an operator requests a file from the inbox; the visitor answers with the upload button', async () => {
    const visitorPage = await env.page();
    await openDemo(visitorPage);
    const chatId = await writeFirst(visitorPage, 'My parcel is damaged');
    const op = await env.page();
    await signIn(op);
    await op.goto(`/console/inbox/${chatId}`);
    await op.getByRole('button', { name: 'Request a file' }).click();
    await op.getByLabel('What to ask').fill('Please send a photo of the damage.');
    await op.getByLabel('Types (optional)').fill('png|jpg');
    await op.getByRole('button', { name: 'Send request' }).click();
    await op.getByText('File request: open').waitFor();

    const ask = widget(visitorPage).locator('.msg', { hasText: 'Please send a photo of the damage.' });
    const [chooser] = await Promise.all([
      visitorPage.waitForEvent('filechooser'),
      ask.getByRole('button', { name: 'Upload file' }).click(),
    ]);
    const photo = pngFile('damage.png', 80, 60, [90, 90, 90]);
    await chooser.setFiles({ name: photo.name, mimeType: photo.mimeType, buffer: photo.buffer });
    await widget(visitorPage).getByRole('button', { name: 'Send' }).click();
    await ask.locator('.request-done', { hasText: 'File received' }).waitFor();
    await op.getByText('File request: fulfilled').waitFor();
    await op.locator('sc-attachment-view').filter({ hasText: 'damage.png' }).waitFor();
    await op.context().close();
    await visitorPage.context().close();
  });

  it('a file chosen while offline waits visibly and is sent once back online', async () => {
    const page = await env.page();
    await openDemo(page);
    const chatId = await writeFirst(page, 'Hello');
    await page.context().setOffline(true);
    await widget(page).locator('.notice', { hasText: 'You are offline' }).waitFor();

    const photo = pngFile('offline-photo.png', 64, 64, [10, 200, 10]);
    await dropFiles(page, [photo]);
    await widget(page).getByRole('textbox', { name: 'Message' }).fill('sent from the train');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    const waiting = widget(page).locator('[data-outbox]', { hasText: 'sent from the train' });
    await waiting.locator('.who', { hasText: 'Waiting for connection' }).waitFor();
    await waiting.locator('.card[data-file="offline-photo.png"][data-state="waiting"]').waitFor();
    await screenshot(page, 'widget-offline-waiting');
    expect(await attachmentsOf(chatId)).toEqual([]);

    await page.context().setOffline(false);
    await widget(page)
      .locator('.log .msg.mine:not([data-outbox])', { hasText: 'sent from the train' })
      .locator('[data-attachment]')
      .waitFor();
    await waiting.waitFor({ state: 'detached' });
    const stored = await attachmentsOf(chatId);
    expect(stored.map((a) => [a.name, a.sha256])).toEqual([['offline-photo.png', sha256(photo.buffer)]]);
    await page.context().close();
  });

  it('the offline queue survives a reload and is sent when the connection returns', async () => {
    const page = await env.page();
    await openDemo(page);
    const chatId = await writeFirst(page, 'Hello');
    await page.context().setOffline(true);
    const doc = pdfFile('queued.pdf', 3);
    await dropFiles(page, [doc]);
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await widget(page).locator('[data-outbox] .card[data-file="queued.pdf"][data-state="waiting"]').waitFor();

    // Reloading offline fails to load the page; the queue is in IndexedDB.
    await page.reload().catch(() => undefined);
    expect(await attachmentsOf(chatId)).toEqual([]);
    await page.context().setOffline(false);
    await page.reload();
    await widget(page).locator('.log .msg.mine:not([data-outbox]) [data-attachment]').waitFor();
    await widget(page).locator('[data-outbox]').waitFor({ state: 'detached' });
    const stored = await attachmentsOf(chatId);
    expect(stored.map((a) => [a.name, a.sha256])).toEqual([['queued.pdf', sha256(doc.buffer)]]);
    expect(await chatIdOf(page)).toBe(chatId);
    await page.context().close();
  });

  it('received attachments stay viewable from the cache when the server cannot be reached', async () => {
    const page = await env.page();
    await openDemo(page);
    const chatId = await writeFirst(page, 'Hello');
    const picture = pngFile('from-support.png', 300, 150, [250, 180, 0]);
    const [stored] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chatId}/attachments`, [
      { name: picture.name, content: picture.buffer, type: picture.mimeType },
    ]);
    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Our diagram',
      attachmentIds: [stored.id],
    });
    const thumb = widget(page)
      .locator('.msg:not(.mine)', { hasText: 'Our diagram' })
      .locator('button.thumb[data-loaded="true"] img');
    await thumb.waitFor();
    const widthOnline = await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(widthOnline).toBeGreaterThan(0);

    await page.route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await thumb.waitFor();
    // The same picture (the server's thumbnail, or the original without one) from the offline cache.
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(widthOnline);
    await screenshot(page, 'widget-from-cache');
    await page.context().close();
  });
});
