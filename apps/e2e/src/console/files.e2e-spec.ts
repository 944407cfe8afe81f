import type { AttachmentDto, ChatDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ApiError } from '../support/api-client';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { samplePdf, samplePng } from '../support/sample-files';

/** True once the canvas has painted something other than blank white. */
async function canvasHasInk(page: Page): Promise<boolean> {
  return page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0) return false;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) return true;
    return false;
  });
}

describe('console: Files', () => {
  let env: E2eEnv;
  let chat: ChatDto;
  let image: AttachmentDto;
  let pdf: AttachmentDto;

  beforeAll(async () => {
    env = await startE2eEnv('console-files');
    chat = await env.admin.createChat('Vera Visitor');
    [image, pdf] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'holiday-photo.png', content: samplePng(), type: 'image/png' },
      { name: 'invoice-2024.pdf', content: samplePdf('Invoice 2024'), type: 'application/pdf' },
    ]);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('lists files uploaded through the API and finds them by name', async () => {
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    const table = page.getByRole('table', { name: 'Files' });
    await table.getByRole('button', { name: 'Open holiday-photo.png' }).waitFor();
    await table.getByRole('button', { name: 'Open invoice-2024.pdf' }).waitFor();
    await screenshot(page, 'files');

    await page.getByLabel('Search by file name').fill('invoice');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-file-id]').length === 1);
    expect(await table.locator('tr[data-file-id]').getAttribute('data-file-id')).toBe(pdf.id);
    await page.getByLabel('Search by file name').fill('no-such-file');
    await page.getByText('No files match.').waitFor();
    await page.context().close();
  });

  it('previews an image and a PDF in the side panel', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/files');
    await page.getByRole('button', { name: 'Open holiday-photo.png' }).click();
    const img = page.getByTestId('image-preview');
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('[data-testid=image-preview]');
      return !!el && el.complete && el.naturalWidth === 96;
    });
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await page.getByText('Audit trail').waitFor();
    await page.getByText('File uploaded').first().waitFor();
    await screenshot(page, 'files-preview-image');

    await page.getByRole('button', { name: 'Close file details' }).click();
    await page.getByRole('button', { name: 'Open invoice-2024.pdf' }).click();
    await page.getByTestId('pdf-canvas').waitFor();
    await page.waitForFunction(
      () => !!document.querySelector('[aria-label^="PDF preview of invoice-2024.pdf, page 1 of 1"]'),
    );
    expect(await canvasHasInk(page)).toBe(true);
    await screenshot(page, 'files-preview-pdf');
    await page.context().close();
  });

  it('deletes a file after confirmation', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/files?file=${image.id}`);
    await page.getByTestId('image-preview').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete holiday-photo.png?').waitFor();
    await screenshot(page, 'files-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete file' }).click();
    await page.getByText('holiday-photo.png was deleted.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-file-id]').length === 1);
    await expect(env.admin.get(`/v1/attachments/${image.id}`)).rejects.toMatchObject({
      status: 404,
    } satisfies Partial<ApiError>);
    await page.context().close();
  });

  it('shows the audit log of uploads, downloads and deletions', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/audit');
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByRole('cell', { name: 'File deleted', exact: true }).first().waitFor();
    await screenshot(page, 'audit-log');
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'File uploaded' }).click();
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('td.mat-column-action')).map((td) =>
        td.textContent?.trim(),
      );
      return cells.length === 2 && cells.every((c) => c === 'File uploaded');
    });
    await page.context().close();
  });
});
