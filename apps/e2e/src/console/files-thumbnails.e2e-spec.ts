import type { AttachmentDto, AuditEventDto, Page as ListPage } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { requestCount } from '../support/page-guard';
import { pngFile } from '../support/sample-files';

const COLOURS: [number, number, number][] = [
  [220, 40, 40],
  [40, 160, 60],
  [40, 80, 220],
  [230, 180, 30],
  [150, 50, 180],
];

/** Natural widths of the thumbnails in the Files table (0 while an image is not decoded). */
function thumbWidths(page: Page): Promise<number[]> {
  return page.$$eval('sc-file-thumb img', (imgs) =>
    imgs.map((i) => ((i as HTMLImageElement).complete ? (i as HTMLImageElement).naturalWidth : 0)),
  );
}

describe('console: Files thumbnails', () => {
  let env: E2eEnv;
  let images: AttachmentDto[];

  beforeAll(async () => {
    env = await startE2eEnv('console-files-thumbnails');
    const chat = await env.admin.createChat('Thumbnail Visitor');
    images = await env.admin.upload<AttachmentDto[]>(
      `/v1/chats/${chat.id}/attachments`,
      COLOURS.map((rgb, i) => {
        const f = pngFile(`photo-${i + 1}.png`, 64, 48, rgb);
        return { name: f.name, content: f.buffer, type: f.mimeType };
      }),
    );
  });

  afterAll(async () => {
    await env?.stop();
  });

  const downloadsOf = async (id: string): Promise<number> =>
    (
      await env.admin.get<ListPage<AuditEventDto>>(
        `/v1/audit-events?attachmentId=${id}&action=attachment.download`,
      )
    ).total;

  it('loads each thumbnail once, shows it, and writes no download rows for it', async () => {
    const page = await env.page();
    await signIn(page);
    const contentOf = (id: string) => requestCount(page, new RegExp(`/v1/attachments/${id}/preview`));
    // Signing in may already show the Files page (an admin's home): count from a page without it.
    await page.goto('/console/audit');
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    const before = images.map((img) => contentOf(img.id));
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    await page.waitForFunction((n) => {
      const imgs = Array.from(
        document.querySelectorAll<HTMLImageElement>('sc-file-thumb img[data-preview=ready]'),
      );
      return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
    }, images.length);
    expect(await thumbWidths(page)).toEqual(images.map(() => 64));

    // Ten idle seconds on the page: no thumbnail is fetched again.
    await page.waitForTimeout(10_000);
    expect(images.map((img, i) => contentOf(img.id) - before[i])).toEqual(images.map(() => 1));
    expect(await thumbWidths(page)).toEqual(images.map(() => 64));
    await screenshot(page, 'files-thumbnails');
    for (const img of images) expect(await downloadsOf(img.id)).toBe(0);
    await page.context().close();
  });

  it('previews without auditing; the Download button writes exactly one download row', async () => {
    const page = await env.page();
    await signIn(page);
    const [first] = images;
    await page.goto(`/console/files?file=${first.id}`);
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('[data-testid=image-preview]');
      return !!el && el.complete && el.naturalWidth === 64;
    });
    expect(await downloadsOf(first.id)).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('photo-1.png');
    await page.waitForTimeout(500);
    expect(await downloadsOf(first.id)).toBe(1);
    await page.context().close();
  });
});
