import type { AttachmentDto, MessageDto, Page as PageOf } from '@satchel/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, sha256 } from '../support/sample-files';
import { openDemo, widget } from './widget-ui';

const MB = 1024 * 1024;
const TUS = /\/v1\/uploads\/[0-9a-f-]{36}$/;

/** A file above the 8 MB threshold goes through tus: pause, resume, a reload mid-way, and cancel. */
describe('widget: a large file that always arrives', () => {
  let env: E2eEnv;
  let visitor: Page;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-large-'));
  const big = pdfFile('holiday-video.pdf', 1, 24 * MB);
  const bigPath = join(dir, big.name);
  const other = pdfFile('second-thoughts.pdf', 1, 12 * MB);
  const otherPath = join(dir, other.name);

  beforeAll(async () => {
    env = await startE2eEnv('widget-large-upload');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'pdf|png', maxSizeKb: 64 * 1024 },
    });
    writeFileSync(bigPath, big.buffer);
    writeFileSync(otherPath, other.buffer);
    // The aborted PATCH (simulated loss) is logged by the browser as a failed request.
    visitor = await env.page({ allowConsoleErrors: [/net::ERR_FAILED/, /net::ERR_CONNECTION_RESET/] });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const card = (name: string) => widget(visitor).locator(`.tray .card[data-file="${name}"]`);

  async function pick(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      visitor.waitForEvent('filechooser'),
      widget(visitor).getByRole('button', { name: 'Attach files' }).click(),
    ]);
    await chooser.setFiles(path, { timeout: 120_000 });
  }

  /** Each PATCH waits a while before it goes on: loopback is too fast to see an upload move. */
  async function slowPatches(page: Page, onPatch?: (offset: number) => 'abort' | 'go'): Promise<void> {
    await page.route(TUS, async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      const offset = Number(await route.request().headerValue('upload-offset'));
      if (onPatch?.(offset) === 'abort') return route.abort('failed');
      await new Promise((r) => setTimeout(r, 700));
      await route.continue().catch(() => undefined);
    });
  }

  const patchBytes = (page: Page) => {
    const counted = { bytes: 0, requests: 0 };
    page.on('request', (r: Request) => {
      if (r.method() !== 'PATCH' || !TUS.test(r.url())) return;
      counted.requests++;
      counted.bytes += Number(r.headers()['content-length'] ?? r.postDataBuffer()?.length ?? 0);
    });
    return counted;
  };

  it('shows progress, speed and time left, pauses (nothing is sent) and resumes', async () => {
    await openDemo(visitor);
    await slowPatches(visitor);
    await pick(bigPath);
    await card(big.name).and(widget(visitor).locator('[data-state="ready"]')).waitFor();
    await widget(visitor).getByRole('textbox', { name: 'Message' }).fill('The whole video');
    const sent = patchBytes(visitor);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();

    const uploading = card(big.name).and(widget(visitor).locator('[data-state="uploading"]'));
    await uploading.locator('.rate', { hasText: /\/s · .* left$/ }).waitFor({ timeout: 60_000 });
    expect(await uploading.locator('progress').isVisible()).toBe(true);
    await screenshot(visitor, 'widget-large-uploading');

    await uploading.getByRole('button', { name: 'Pause' }).click();
    const paused = card(big.name).and(widget(visitor).locator('[data-state="paused"]'));
    await paused.waitFor();
    await paused.locator('.sub', { hasText: 'Paused' }).waitFor();
    await screenshot(visitor, 'widget-large-paused');
    const whilePaused = sent.requests;
    await visitor.waitForTimeout(2000);
    expect(sent.requests).toBe(whilePaused);
    const progressAtPause = Number(await card(big.name).getAttribute('data-progress'));
    expect(progressAtPause).toBeGreaterThan(0);
    expect(progressAtPause).toBeLessThan(100);

    await paused.getByRole('button', { name: 'Resume' }).click();
    await uploading.waitFor();
    // It continues from the server's offset: the next PATCH starts past zero.
    await visitor.waitForEvent('request', {
      predicate: (r) => r.method() === 'PATCH' && Number(r.headers()['upload-offset']) > 0,
      timeout: 30_000,
    });
  }, 180_000);

  it('continues after a reload from what the server has, and the file arrives whole', async () => {
    // Interrupt: the next PATCH past 8 MB is lost, then the page reloads.
    let lost = false;
    await visitor.unroute(TUS);
    await slowPatches(visitor, (offset) => {
      if (lost || offset < 8 * MB) return 'go';
      lost = true;
      return 'abort';
    });
    for (let i = 0; i < 600 && !lost; i++) await visitor.waitForTimeout(100);
    expect(lost).toBe(true);
    await visitor.unroute(TUS);
    await slowPatches(visitor);
    const afterReload = patchBytes(visitor);
    await visitor.reload();

    // The file is back in the tray from IndexedDB and goes on with its message.
    await card(big.name).waitFor({ timeout: 60_000 });
    await screenshot(visitor, 'widget-large-resumed');
    const message = widget(visitor).locator('.log .msg.mine', { hasText: 'The whole video' });
    await message.locator('[data-attachment]').waitFor({ timeout: 120_000 });
    expect(afterReload.bytes).toBeGreaterThan(0);
    expect(afterReload.bytes).toBeLessThan(big.buffer.length);

    const chatId = await visitor.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
      return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId: string }).chatId;
    });
    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chatId}/messages`);
    const last = messages.find((m) => m.text === 'The whole video');
    expect(last?.attachments.map((a) => [a.name, a.size, a.sha256])).toEqual([
      [big.name, big.buffer.length, sha256(big.buffer)],
    ]);
    const stored = await env.admin.get<PageOf<AttachmentDto>>(
      `/v1/attachments?chatId=${chatId}&pageSize=100`,
    );
    expect(stored.items.filter((a) => a.name === big.name)).toHaveLength(1);
    // Nothing is left to resume after a reload.
    await visitor.reload();
    await widget(visitor).locator('header .status', { hasText: 'Online' }).waitFor();
    expect(await widget(visitor).locator('.tray .card').count()).toBe(0);
  }, 240_000);

  it('cancels a paused upload and the server drops it (tus DELETE)', async () => {
    await pick(otherPath);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const uploading = card(other.name).and(widget(visitor).locator('[data-state="uploading"]'));
    // Bytes are on the server once the speed shows.
    await uploading.locator('.rate', { hasText: /\/s/ }).waitFor({ timeout: 60_000 });
    await uploading.getByRole('button', { name: 'Pause' }).click();
    const paused = card(other.name).and(widget(visitor).locator('[data-state="paused"]'));
    const [deleted] = await Promise.all([
      visitor.waitForResponse((r) => r.request().method() === 'DELETE' && TUS.test(r.url())),
      paused.getByRole('button', { name: 'Cancel' }).click(),
    ]);
    expect(deleted.status()).toBe(204);
    await card(other.name).waitFor({ state: 'detached' });
    // The upload is gone on the server: asking for its offset is answered 404.
    const status = await visitor.evaluate(async (url) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
      const token = (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { visitorToken: string })
        .visitorToken;
      const res = await fetch(url, {
        method: 'HEAD',
        headers: { Authorization: `Token ${token}`, 'Tus-Resumable': '1.0.0' },
      });
      return res.status;
    }, deleted.url());
    expect(status).toBe(404);
  }, 180_000);
});
