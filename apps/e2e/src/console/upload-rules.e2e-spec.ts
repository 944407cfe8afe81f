import type { UploadSettings } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

const chipsOf = (page: import('playwright-core').Page, role: string) =>
  page.getByTestId(`${role}-type-chip`).allTextContents();

describe('console: Settings › File uploads', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-upload-rules');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('keeps visitor pdf/10 KB and operator png|pdf/2048 KB after a reload', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'File uploads' }).click();
    await page.getByRole('heading', { name: 'Visitors' }).waitFor();

    await page.getByTestId('visitor-types').fill('pdf');
    await page.getByTestId('visitor-size').fill('10');
    await page.getByTestId('operator-types').fill('png|pdf');
    await page.getByTestId('operator-size').fill('2048');
    expect((await chipsOf(page, 'operator')).map((t) => t.trim())).toEqual(['png', 'pdf']);
    await page.getByText('2048 KB = 2 MB').waitFor();
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    await page.getByText('Saved. New uploads follow these rules now.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Visitors' }).waitFor();
    expect(await page.getByTestId('visitor-types').inputValue()).toBe('pdf');
    expect(await page.getByTestId('visitor-size').inputValue()).toBe('10');
    expect(await page.getByTestId('operator-types').inputValue()).toBe('png|pdf');
    expect(await page.getByTestId('operator-size').inputValue()).toBe('2048');
    expect((await chipsOf(page, 'visitor')).map((t) => t.trim())).toEqual(['pdf']);
    await page.getByText('10 KB = 10 KB').waitFor();
    await screenshot(page, 'settings-uploads');

    const saved = await env.admin.get<UploadSettings>('/v1/settings/uploads');
    expect(saved.visitor).toEqual({ enabled: true, allowedTypes: 'pdf', maxSizeKb: 10 });
    expect(saved.operator).toEqual({ enabled: true, allowedTypes: 'png|pdf', maxSizeKb: 2048 });
    await page.context().close();
  });

  it('shows photo compression with its explanation and keeps a change after a reload', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/uploads');
    await page.getByRole('heading', { name: 'Photo compression' }).waitFor();
    await page.getByText('the original photo is sent').waitFor();
    const visitor = page.getByTestId('visitor-compression');
    await visitor.getByRole('switch', { name: "Compress visitors' photos" }).click();
    await visitor.getByLabel('Longest side (pixels)').fill('1600');
    await visitor.getByLabel('Quality (1–100)').fill('65');
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    await page.getByText('Saved. New uploads follow these rules now.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Photo compression' }).waitFor();
    expect(await visitor.getByLabel('Quality (1–100)').inputValue()).toBe('65');
    expect(await visitor.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    await page.getByRole('heading', { name: 'Photo compression' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-uploads-photo-compression');
    const saved = await env.admin.get<UploadSettings>('/v1/settings/uploads');
    expect(saved.photoCompression).toEqual({
      visitor: { enabled: true, maxDimensionPx: 1600, quality: 65 },
      operator: { enabled: false, maxDimensionPx: 2560, quality: 80 },
    });
    await page.context().close();
  });

  it('refuses an invalid type list with a message and saves nothing', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/uploads');
    await page.getByTestId('visitor-types').fill('pdf|exe2');
    await page.getByText('Unknown file type "exe2" in the allowed file types').waitFor();
    await page.getByRole('button', { name: 'Save upload rules' }).click();
    await page.getByTestId('save-error').getByText('Fix the highlighted fields before saving.').waitFor();
    await screenshot(page, 'settings-uploads-invalid');
    const saved = await env.admin.get<UploadSettings>('/v1/settings/uploads');
    expect(saved.visitor.allowedTypes).toBe('pdf');
    await page.context().close();
  });
});
