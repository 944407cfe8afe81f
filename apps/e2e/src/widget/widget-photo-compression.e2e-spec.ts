import type { AttachmentDto, Page as PageOf } from '@satchel/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import type { SampleFile } from '../support/sample-files';
import { dropFiles, openDemo, storedChatId, widget } from './widget-ui';

const MAX_SIZE_KB = 4096;
const MAX_DIMENSION = 2048;

/** A 12-megapixel photo-like JPEG (gradients with sensor-like noise) of about 6 MB. */
async function twelveMegapixelPhoto(): Promise<SampleFile> {
  const [width, height] = [4000, 3000];
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 60;
  const clamp = (v: number) => Math.max(0, Math.min(255, v));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = noise();
      raw[i] = clamp(90 + (120 * x) / width + n);
      raw[i + 1] = clamp(60 + (140 * y) / height + n);
      raw[i + 2] = clamp(160 - (80 * x) / width + n);
    }
  }
  const buffer = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
  return { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer };
}

/** The stored file of an attachment, downloaded through the API: its size and dimensions. */
async function storedPhoto(env: E2eEnv, a: AttachmentDto) {
  const res = await fetch(new URL(a.url, env.admin.baseUrl));
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const { width = 0, height = 0, format } = await sharp(bytes).metadata();
  return { size: bytes.length, width, height, format };
}

describe('widget and console: photo compression in the browser before upload', () => {
  let env: E2eEnv;
  let visitor: Page;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-photo-'));

  beforeAll(async () => {
    env = await startE2eEnv('widget-photo-compression');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'jpg|jpeg|pdf', maxSizeKb: MAX_SIZE_KB },
      operator: { enabled: true, allowedTypes: 'jpg|jpeg|pdf', maxSizeKb: MAX_SIZE_KB },
      photoCompression: {
        visitor: { enabled: true, maxDimensionPx: MAX_DIMENSION, quality: 70 },
        operator: { enabled: true, maxDimensionPx: 1600, quality: 70 },
      },
    });
    visitor = await env.page();
  });

  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a 12-megapixel photo above the size limit as a smaller photo within the maximum dimension', async () => {
    const photo = await twelveMegapixelPhoto();
    expect(photo.buffer.length).toBeGreaterThan(MAX_SIZE_KB * 1024);
    await openDemo(visitor);
    // The dropped photo starts the chat (its rule says how to shrink photos).
    await dropFiles(visitor, [photo]);
    const tray = widget(visitor).locator('.tray');
    await tray.locator('.card[data-file="holiday.jpg"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await screenshot(visitor, 'widget-photo-compressed-tray');
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    await widget(visitor).locator('.log .msg.mine [data-attachment]').waitFor({ timeout: 30_000 });
    const chatId = await storedChatId(visitor);

    const [stored] = (await env.admin.get<PageOf<AttachmentDto>>(`/v1/attachments?chatId=${chatId}`)).items;
    expect(stored).toMatchObject({ name: 'holiday.jpg', contentType: 'image/jpeg' });
    const res = await fetch(new URL(stored.url, env.admin.baseUrl));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(stored.size);
    expect(bytes.length).toBeLessThan(MAX_SIZE_KB * 1024);
    const { width = 0, height = 0, format } = await sharp(bytes).metadata();
    console.log(
      `photo ${photo.buffer.length} bytes 4000×3000 → stored ${bytes.length} bytes ${width}×${height}`,
    );
    expect(format).toBe('jpeg');
    expect(Math.max(width, height)).toBe(MAX_DIMENSION);
    expect(width / height).toBeCloseTo(4 / 3, 2);
  }, 120_000);

  it('compresses a photo an operator picks in the console inbox', async () => {
    const photo = await twelveMegapixelPhoto();
    const path = join(dir, 'site-visit.jpg');
    writeFileSync(path, photo.buffer);
    const chat = await env.admin.createChat('Paula Photo');
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox/${chat.id}`);
    await page.locator('sc-chat-view h2', { hasText: 'Paula Photo' }).waitFor();
    await page.getByLabel('Choose files').setInputFiles(path, { timeout: 120_000 });
    const file = page.locator('[data-file="site-visit.jpg"]');
    await file.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Send' }).click();
    await file.waitFor({ state: 'detached', timeout: 60_000 });
    const [stored] = (await env.admin.get<PageOf<AttachmentDto>>(`/v1/attachments?chatId=${chat.id}`)).items;
    expect(stored).toMatchObject({ name: 'site-visit.jpg', contentType: 'image/jpeg' });
    const got = await storedPhoto(env, stored);
    expect(got.size).toBeLessThan(MAX_SIZE_KB * 1024);
    expect([got.format, got.width, got.height]).toEqual(['jpeg', 1600, 1200]);
    await page.context().close();
  }, 120_000);
});
