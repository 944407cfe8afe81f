import type { AccountDto, AttachmentDto, MessageDto } from '@satchel/contracts';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, pngFile, sha256, type SampleFile } from '../support/sample-files';
import { unzip } from '@satchel/testing';

const FILES: SampleFile[] = [
  pngFile('red.png', 400, 300, [210, 40, 40]),
  pngFile('green.png', 300, 400, [40, 170, 70]),
  pngFile('blue.png', 500, 250, [40, 80, 220]),
  pdfFile('terms.pdf', 2),
  { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Order 1234: two boxes, blue.\n') },
];

const position = (page: Page) => page.getByTestId('viewer-position');
const imageWidth = (page: Page) =>
  page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid=viewer-image]');
    return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : false;
  });

async function waitForText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([id, t]) => document.querySelector(`[data-testid=${id}]`)?.textContent?.trim() === t,
    [testId, text] as const,
  );
}

const transformOfImage = (page: Page) =>
  page.locator('[data-testid=viewer-image]').evaluate((el) => getComputedStyle(el).transform);

describe('inbox: files in the conversation, the viewer, the Files tab, and a phone', () => {
  let env: E2eEnv;
  let chatId: string;
  let sent: AttachmentDto[];

  beforeAll(async () => {
    env = await startE2eEnv('inbox-files-viewer');
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    await env.admin.put('/v1/settings/uploads', { operator: { allowedTypes: 'png|pdf|txt' } });
    const started = await env.admin.startVisitorChat(widgetKey, 'Fiona Files');
    chatId = started.chatId;
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    await visitor.post<MessageDto>(`/v1/chats/${chatId}/messages`, { text: 'Here is what you asked for' });
    sent = await env.admin.upload<AttachmentDto[]>(
      `/v1/chats/${chatId}/attachments`,
      FILES.map((f) => ({ name: f.name, content: f.buffer, type: f.mimeType })),
    );
    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Photos, terms and notes',
      attachmentIds: sent.map((a) => a.id),
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('shows images inline and the PDF as a first-page card; the viewer zooms, pans, pages through three images and a PDF, downloads and closes on Escape', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chatId}`);
    const message = page.locator('article.msg', { hasText: 'Photos, terms and notes' });
    await message.waitFor();
    // The server's thumbnails (WebP renditions), the PDF's first page among them.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('article.msg sc-server-preview img[data-preview=ready]').length === 4 &&
        !!document.querySelector('[data-testid=pdf-card] img[data-preview=ready]'),
      undefined,
      { timeout: 60_000 },
    );
    await message.getByText('2 pages').waitFor();
    await screenshot(page, 'inbox-files-chat');

    const opener = message.getByRole('button', { name: 'View red.png' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'File viewer' });
    await dialog.waitFor();
    expect(await imageWidth(page).then((h) => h.jsonValue())).toBe(400);
    await waitForText(page, 'viewer-position', 'Image 1 of 4');
    expect(await position(page).getAttribute('role')).toBe('status');

    // Zoom: the + key, the button, the wheel; then drag to pan.
    await page.keyboard.press('+');
    await waitForText(page, 'viewer-zoom', '125 %');
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await waitForText(page, 'viewer-zoom', '156 %');
    const stage = await page.locator('.fv-stage').boundingBox();
    const cx = stage!.x + stage!.width / 2;
    const cy = stage!.y + stage!.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction(() => {
      const z = document.querySelector('[data-testid=viewer-zoom]')?.textContent ?? '';
      return parseInt(z, 10) > 156;
    });
    const before = await transformOfImage(page);
    await page.mouse.down();
    await page.mouse.move(cx + 80, cy + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((b) => {
      const img = document.querySelector('[data-testid=viewer-image]')!;
      return getComputedStyle(img).transform !== b;
    }, before);
    await page.waitForTimeout(150);
    await screenshot(page, 'viewer-zoomed');
    await page.keyboard.press('-');
    await page.keyboard.press('0');
    await waitForText(page, 'viewer-zoom', '100 %');

    // Next and previous: arrow keys and buttons, across the chat's images and its PDF.
    await page.keyboard.press('ArrowRight');
    await waitForText(page, 'viewer-position', 'Image 2 of 4');
    await page.waitForFunction(
      () => document.querySelector<HTMLImageElement>('[data-testid=viewer-image]')?.naturalWidth === 300,
    );
    await dialog.getByRole('button', { name: 'Next file' }).click();
    await waitForText(page, 'viewer-position', 'Image 3 of 4');
    await page.waitForFunction(
      () => document.querySelector<HTMLImageElement>('[data-testid=viewer-image]')?.naturalWidth === 500,
    );
    await screenshot(page, 'viewer-image');

    // Download from the viewer: the original bytes.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download blue.png' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('blue.png');
    expect(sha256(await readFile(await file.path()))).toBe(sha256(FILES[2].buffer));

    await page.keyboard.press('ArrowRight');
    await waitForText(page, 'viewer-position', 'PDF 4 of 4');
    await dialog.locator('[data-testid=pdf-canvas]').waitFor();
    await page.waitForFunction(
      () => !!document.querySelector('[aria-label^="PDF preview of terms.pdf, page 1 of 2"]'),
    );
    expect(await dialog.getByRole('button', { name: 'Next file' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await waitForText(page, 'viewer-zoom', '125 %');
    await screenshot(page, 'viewer-pdf');
    await dialog.getByRole('button', { name: 'Previous file' }).click();
    await waitForText(page, 'viewer-position', 'Image 3 of 4');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'View red.png',
    );

    // The PDF card opens the viewer at the PDF.
    await message.getByTestId('pdf-card').click();
    await waitForText(page, 'viewer-position', 'PDF 4 of 4');
    await dialog.getByRole('button', { name: 'Close viewer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it("the Files tab lists the chat's files with filters, and download-all returns a zip with identical bytes", async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chatId}`);
    await page.getByTestId('files-tab').click();
    await page.waitForURL(`**/inbox/${chatId}/files`);
    // Leaving the conversation while it loads is not an error.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.snack-error').count()).toBe(0);
    const rows = page.locator('li.file');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-file')))).toEqual(
      FILES.map((f) => f.name),
    );
    const terms = rows.filter({ hasText: 'terms.pdf' });
    expect(await terms.textContent()).toMatch(/PDF · .*sent by .* \(owner\)/);

    await page.getByRole('radio', { name: 'Images (3)' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.file').length === 3);
    await page.getByRole('radio', { name: 'Documents (2)' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.file').length === 2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-file')))).toEqual([
      'terms.pdf',
      'notes.txt',
    ]);
    await page.getByRole('radio', { name: 'Other (0)' }).click();
    await page.getByText('No files in this chat yet.').waitFor();
    await page.getByRole('radio', { name: 'All (5)' }).click();
    await rows.nth(4).waitFor();
    await screenshot(page, 'inbox-files-tab');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download all: 5 files,/ }).click();
    const zip = await download;
    expect(zip.suggestedFilename()).toBe('Fiona Files files.zip');
    const entries = await unzip(await readFile(await zip.path()));
    expect([...entries.keys()]).toEqual(FILES.map((f) => f.name));
    for (const f of FILES) expect(sha256(entries.get(f.name)!)).toBe(sha256(f.buffer));

    // The viewer from the Files tab.
    await page.getByRole('button', { name: 'View green.png' }).click();
    await waitForText(page, 'viewer-position', 'Image 2 of 4');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('works on a phone (390 × 844): the list, then the chat alone with Back, the reply box on screen, the viewer, then back', async () => {
    const page = await env.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await page.goto('/console/inbox');
    const row = page.locator(`[data-chat="${chatId}"]`);
    await row.waitFor();
    const list = page.getByRole('navigation', { name: 'Chats', exact: true });
    const listBox = await list.boundingBox();
    expect(listBox!.width).toBeGreaterThan(350);
    expect(await page.locator('sc-chat-view').count()).toBe(0);
    const noSideScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(await noSideScroll()).toBe(true);
    const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-inbox-list');

    await row.click();
    await page.waitForURL(`**/inbox/${chatId}`);
    await page.locator('article.msg', { hasText: 'Photos, terms and notes' }).waitFor();
    expect(await list.isVisible()).toBe(false);
    const back = page.getByRole('link', { name: 'Back to chats' });
    expect(await back.isVisible()).toBe(true);
    const reply = await page.getByLabel('Reply').boundingBox();
    expect(reply!.y + reply!.height).toBeLessThanOrEqual(844);
    const chatBox = await page.locator('sc-chat-view').boundingBox();
    expect(chatBox!.width).toBeGreaterThan(350);
    expect(await noSideScroll()).toBe(true);
    // A short name is not shortened next to its image: the name goes under it.
    const cut = await page.locator('[data-attachment] sc-file-name', { hasText: 'red' }).evaluate((el) => {
      const stem = el.querySelector('.stem') as HTMLElement;
      return stem.scrollWidth > stem.clientWidth;
    });
    expect(cut).toBe(false);
    await screenshot(page, 'phone-chat');

    await page.getByRole('button', { name: 'View red.png' }).click();
    await waitForText(page, 'viewer-position', 'Image 1 of 4');
    const viewer = await page.getByRole('dialog').boundingBox();
    expect(viewer).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await imageWidth(page);
    await dialogButtonsOnScreen(page);
    await screenshot(page, 'phone-viewer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByTestId('files-tab').click();
    await page.locator('li.file').nth(4).waitFor();
    expect(await noSideScroll()).toBe(true);
    await screenshot(page, 'phone-files');

    await page.getByRole('link', { name: 'Back to chats' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/console/inbox'));
    await row.waitFor();
    expect(await list.isVisible()).toBe(true);
    await page.context().close();
  });
});

/** Every button of the viewer's bar is inside the phone's screen. */
async function dialogButtonsOnScreen(page: Page): Promise<void> {
  const outside = await page.getByRole('dialog').evaluate((d) =>
    Array.from(d.querySelectorAll('button'))
      .map((b) => ({ label: b.getAttribute('aria-label'), r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.left < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight)
      .map(({ label }) => label),
  );
  expect(outside).toEqual([]);
}
