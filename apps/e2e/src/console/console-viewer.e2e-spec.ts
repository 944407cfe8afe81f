import type { AttachmentDto, AuditEventDto, ChatDto, Page as ListPage } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile, samplePdf } from '../support/sample-files';

const LONG_NAME = 'quarterly-financial-report-for-the-board-of-directors-and-shareholders-final-version.pdf';

/** True when the focused element is inside `selector`. */
const focusInside = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);

const focusedLabel = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** Tabs through the whole dialog/panel and back: focus never leaves `selector`. */
async function expectFocusTrapped(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
    expect(await focusInside(page, selector)).toBe(true);
  }
}

describe('console viewers: keyboard, focus and file names', () => {
  let env: E2eEnv;
  let chat: ChatDto;
  let photo: AttachmentDto;

  beforeAll(async () => {
    env = await startE2eEnv('console-viewer');
    chat = await env.admin.createChat('Viewer Vic');
    const png = pngFile('photo.png', 320, 200, [30, 120, 200]);
    const uploaded = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: png.name, content: png.buffer, type: png.mimeType },
      { name: LONG_NAME, content: samplePdf('Quarterly report'), type: 'application/pdf' },
    ]);
    photo = uploaded[0];
    await env.admin.post(`/v1/chats/${chat.id}/messages`, {
      text: 'The photo and the report',
      attachmentIds: uploaded.map((a) => a.id),
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('Files preview: opened from the keyboard, focus stays inside, Escape closes it and focus returns', async () => {
    const page = await env.page();
    // Wide screens too (the panel used to sit beside the list there, without trapping focus).
    await page.setViewportSize({ width: 1600, height: 900 });
    await signIn(page);
    await page.goto('/console/files');
    const opener = page.getByRole('button', { name: 'Open photo.png' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('image-preview').waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('mat-drawer'));
    await expectFocusTrapped(page, 'mat-drawer');

    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('file='));
    await page.getByTestId('image-preview').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Open photo.png');
    await page.context().close();
  });

  it('long file names keep their extension whole', async () => {
    const page = await env.page();
    await signIn(page);
    const [pdf] = await env.admin
      .get<ListPage<AttachmentDto>>(`/v1/attachments?q=quarterly`)
      .then((p) => p.items);
    await page.goto(`/console/files?file=${pdf.id}`);
    const title = page.locator('#file-detail-title sc-file-name');
    await title.waitFor();
    const ext = await title.locator('.ext').evaluate((el) => ({
      text: el.textContent,
      lines: el.getClientRects().length,
    }));
    expect(ext).toEqual({ text: '.pdf', lines: 1 });
    expect(await title.evaluate((el) => el.getClientRects().length)).toBeGreaterThan(0);
    await screenshot(page, 'viewer-long-name-files');
    await page.context().close();
  });

  it('inbox viewer: image and PDF open in a dialog that traps focus, closes on Escape and restores focus', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chat.id}`);
    const message = page.locator('article.msg', { hasText: 'The photo and the report' });
    await message.waitFor();

    // The card shortens the middle of a long name, keeps ".pdf" and shows the full name on hover.
    const card = message.locator('sc-file-name', { hasText: '.pdf' });
    expect(await card.getAttribute('title')).toBe(LONG_NAME);
    const fit = await card.evaluate((el) => {
      const host = el.getBoundingClientRect();
      const ext = el.querySelector('.ext')!.getBoundingClientRect();
      const stem = el.querySelector('.stem') as HTMLElement;
      return {
        extInside: ext.right <= host.right + 1 && ext.width > 0,
        shortened: stem.scrollWidth > stem.clientWidth,
      };
    });
    expect(fit).toEqual({ extInside: true, shortened: true });

    const thumb = message.getByRole('button', { name: 'View photo.png' });
    await thumb.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=viewer-image]');
      return !!img && img.complete && img.naturalWidth === 320;
    });
    await page.waitForFunction(() => !!document.activeElement?.closest('mat-dialog-container'));
    await expectFocusTrapped(page, 'mat-dialog-container');
    await screenshot(page, 'viewer-inbox-image');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('View photo.png');

    const viewPdf = message.getByRole('button', { name: `View ${LONG_NAME}` });
    await viewPdf.click();
    await dialog.locator('[data-testid=pdf-canvas]').waitFor();
    await page.waitForFunction(() => !!document.querySelector('[aria-label^="PDF preview of"]'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe(`View ${LONG_NAME}`);

    // Looking at files is not downloading them.
    const audit = await env.admin.get<ListPage<AuditEventDto>>(
      `/v1/audit-events?attachmentId=${photo.id}&action=attachment.download`,
    );
    expect(audit.total).toBe(0);
    await page.context().close();
  });

  it('the request-file form shows "Max size (KB)" above its value', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chat.id}`);
    await page.getByRole('button', { name: 'Request a file' }).click();
    const input = page.getByLabel('Max size (KB)');
    await input.fill('512');
    const boxes = await page.locator('mat-form-field.max-size').evaluate((field) => {
      const label = field.querySelector('label')!.getBoundingClientRect();
      const value = field.querySelector('input')!.getBoundingClientRect();
      return { labelBottom: label.bottom, valueTop: value.top, labelWidth: label.width };
    });
    expect(boxes.labelWidth).toBeGreaterThan(0);
    expect(boxes.labelBottom).toBeLessThanOrEqual(boxes.valueTop + 1);
    await screenshot(page, 'viewer-request-form');
    await page.context().close();
  });
});
