import type { AttachmentDto, ChatDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile, samplePdf } from '../support/sample-files';

const waitRows = (page: Page, n: number) =>
  page.waitForFunction((count) => document.querySelectorAll('tr[data-file-id]').length === count, n);

/** Admins find files by the words inside them and by details, and the address keeps the filters. */
describe('console: Files search and filters', () => {
  let env: E2eEnv;
  let statement: AttachmentDto;

  beforeAll(async () => {
    const photo = pngFile('photo.png', 300, 300, [10, 120, 200], true);
    env = await startE2eEnv('console-files-search');
    const zoe: ChatDto = await env.admin.createChat('Zoe Zanzibar');
    const max: ChatDto = await env.admin.createChat('Max Muster');
    [statement] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${zoe.id}/attachments`, [
      {
        name: 'statement.pdf',
        content: samplePdf('Quarterly statement Kilimanjaro'),
        type: 'application/pdf',
      },
    ]);
    await env.admin.upload(`/v1/chats/${max.id}/attachments`, [
      { name: 'brochure.pdf', content: samplePdf('Holiday brochure'), type: 'application/pdf' },
      { name: 'photo.png', content: photo.buffer, type: photo.mimeType },
    ]);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('finds a PDF by a word inside it and shows the highlighted excerpt', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/files');
    const table = page.getByRole('table', { name: 'Files' });
    await waitRows(page, 3);
    // Extraction runs as a job after storing: search until the document's text is indexed.
    const search = page.getByLabel('Words inside documents');
    const excerpt = table.locator(`tr[data-file-id="${statement.id}"]`).getByTestId('file-snippet');
    for (let i = 0; i < 20 && !(await excerpt.isVisible()); i++) {
      await search.fill(i % 2 ? 'kilima' : 'kilim');
      await page.waitForTimeout(500);
    }
    await waitRows(page, 1);
    expect(await excerpt.locator('mark').allTextContents()).toEqual(['Kilimanjaro']);
    expect(await excerpt.textContent()).toContain('Quarterly statement');
    await screenshot(page, 'files-search-text');
    await page.context().close();
  });

  it('filters by visitor and size, keeps the filters in the address and restores them on reload', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/files');
    await waitRows(page, 3);
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByLabel('Visitor name or email').fill('muster');
    await waitRows(page, 2);
    // The photo is tens of KB; the PDFs are under one.
    await page.getByLabel('Min size (KB)').fill('5');
    await waitRows(page, 1);
    const only = page.locator('tr[data-file-id]').first();
    expect(await only.getByRole('button', { name: 'Open photo.png' }).count()).toBe(1);
    await page.waitForURL((url) => url.searchParams.get('minKb') === '5');
    expect(new URL(page.url()).searchParams.get('visitor')).toBe('muster');
    await screenshot(page, 'files-more-filters');

    await page.reload();
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    await waitRows(page, 1);
    expect(await page.getByLabel('Visitor name or email').inputValue()).toBe('muster');
    const more = page.getByRole('button', { name: 'More filters' });
    expect(await more.getAttribute('aria-expanded')).toBe('true');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitRows(page, 3);
    await page.waitForURL((url) => !url.searchParams.has('visitor'));
    await page.context().close();
  });
});
