import type { AttachmentDto } from '@satchel/contracts';
import type { Page, Route } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, pngFile } from '../support/sample-files';
import { openDemo, widget, writeFirst } from '../widget/widget-ui';

/**
 * Server previews in the three places that show files: the widget's conversation, the operator
 * inbox and the Files table. Renditions are held back at the network until the blurred
 * placeholder has been seen, so "placeholder first, then the thumbnail" is observed, not raced.
 */
describe('server previews: placeholder first, then the thumbnail', () => {
  let env: E2eEnv;
  let chatId: string;
  let files: AttachmentDto[];

  beforeAll(async () => {
    env = await startE2eEnv('server-previews');
  });

  afterAll(async () => {
    await env?.stop();
  });

  /** Holds every preview rendition request until `release()`. */
  async function holdRenditions(page: Page): Promise<() => void> {
    const held: Route[] = [];
    let open = false;
    await page.route(/\/v1\/attachments\/[^/]+\/preview/, (route) =>
      open ? route.continue() : held.push(route),
    );
    return () => {
      open = true;
      held.splice(0).forEach((r) => void r.continue());
    };
  }

  it('widget: the photo and the PDF arrive as placeholders, then as server thumbnails', async () => {
    const page = await env.page();
    const release = await holdRenditions(page);
    await openDemo(page);
    chatId = await writeFirst(page, 'Here come my files');
    const photo = pngFile('sunset.png', 900, 600, [230, 120, 40], true);
    const manual = pdfFile('manual.pdf', 3);
    files = await env.admin.upload<AttachmentDto[]>(
      `/v1/chats/${chatId}/attachments`,
      [photo, manual].map((f) => ({ name: f.name, content: f.buffer, type: f.mimeType })),
    );
    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Photo and manual',
      attachmentIds: files.map((f) => f.id),
    });
    const inbound = widget(page).locator('.msg', { hasText: 'Photo and manual' });
    const photoImg = inbound.locator('img.server-preview[alt="sunset.png"]');
    const pdfImg = inbound.locator('img.server-preview[alt="First page of manual.pdf"]');
    await inbound.locator('img.server-preview[alt="sunset.png"][data-preview="placeholder"]').waitFor();
    await inbound
      .locator('img.server-preview[alt="First page of manual.pdf"][data-preview="placeholder"]')
      .waitFor();
    await screenshot(page, 'previews-widget-placeholders');

    release();
    await inbound.locator('img.server-preview[alt="sunset.png"][data-preview="ready"]').waitFor();
    await inbound
      .locator('img.server-preview[alt="First page of manual.pdf"][data-preview="ready"]')
      .waitFor();
    expect(await pdfImg.evaluate((i: HTMLImageElement) => i.naturalHeight)).toBe(256);
    await inbound.locator('.card[data-kind="pdf"] .sub', { hasText: '3 pages' }).waitFor();
    expect(await photoImg.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([
      256, 171,
    ]);
    await screenshot(page, 'previews-widget-thumbnails');
    await page.context().close();
  });

  it('inbox: placeholders, then thumbnails', async () => {
    const page = await env.page();
    await signIn(page);
    const release = await holdRenditions(page);
    await page.goto(`/console/inbox/${chatId}`);
    const att = (id: string) => page.locator(`sc-attachment-view [data-attachment="${id}"]`);
    for (const f of files) await att(f.id).locator('[data-preview="placeholder"]').waitFor();
    await screenshot(page, 'previews-inbox-placeholders');
    release();
    for (const f of files) await att(f.id).locator('img[data-preview="ready"]').waitFor();
    await screenshot(page, 'previews-inbox-thumbnails');
    await page.context().close();
  });

  it('Files: placeholders, then thumbnails in the table', async () => {
    const page = await env.page();
    await signIn(page);
    const release = await holdRenditions(page);
    await page.goto('/console/files');
    const thumbs = page.locator('sc-file-thumb');
    await page
      .locator('sc-file-thumb [data-preview="placeholder"]')
      .nth(files.length - 1)
      .waitFor();
    await screenshot(page, 'previews-files-placeholders');
    release();
    await page
      .locator('sc-file-thumb img[data-preview="ready"]')
      .nth(files.length - 1)
      .waitFor();
    expect(await thumbs.locator('img[data-preview="ready"]').count()).toBe(files.length);
    await screenshot(page, 'previews-files-thumbnails');
    await page.context().close();
  });
});
