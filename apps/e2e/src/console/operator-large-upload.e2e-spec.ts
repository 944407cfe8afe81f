import type { ChatDto, MessageDto } from '@satchel/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { ADMIN } from '../support/api-server';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, sha256 } from '../support/sample-files';

const MB = 1024 * 1024;
const TUS = /\/v1\/uploads\/[0-9a-f-]{36}$/;

/** The operator tray sends files above 8 MB through tus: progress, speed, pause, resume and cancel. */
describe('console: a large file in the operator tray', () => {
  let env: E2eEnv;
  let chat: ChatDto;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-op-large-'));
  const big = pdfFile('contract-scans.pdf', 1, 20 * MB);
  const bigPath = join(dir, big.name);

  beforeAll(async () => {
    env = await startE2eEnv('console-large-upload');
    await env.admin.put('/v1/settings/uploads', {
      operator: { enabled: true, allowedTypes: 'pdf|png', maxSizeKb: 64 * 1024 },
    });
    chat = await env.admin.createChat('Lena Large');
    writeFileSync(bigPath, big.buffer);
    page = await env.page();
    await signIn(page);
    // Each PATCH waits before it goes on: over loopback the upload would be over before anyone sees it.
    await page.route(TUS, async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      await new Promise((r) => setTimeout(r, 700));
      await route.continue().catch(() => undefined);
    });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const tray = () => page.locator(`li.tray-file[data-file="${big.name}"]`);

  async function pickAndSend(): Promise<void> {
    await page.goto(`/console/inbox/${chat.id}`);
    await page.locator('sc-chat-view h2', { hasText: 'Lena Large' }).waitFor();
    await page.getByLabel('Choose files').setInputFiles(bigPath, { timeout: 120_000 });
    await tray().and(page.locator('[data-state="ready"]')).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  it('shows progress, speed and time left; pauses, resumes and sends the file whole', async () => {
    await pickAndSend();
    const uploading = tray().and(page.locator('[data-state="uploading"]'));
    await uploading.locator('.rate', { hasText: /%[\s\S]*\/s[\s\S]*left/ }).waitFor({ timeout: 60_000 });
    expect(await uploading.locator('mat-progress-bar').isVisible()).toBe(true);
    await screenshot(page, 'console-large-uploading');

    await uploading.getByRole('button', { name: 'Pause' }).click();
    const paused = tray().and(page.locator('[data-state="paused"]'));
    await paused.locator('.rate', { hasText: 'Paused' }).waitFor();
    await screenshot(page, 'console-large-paused');
    await paused.getByRole('button', { name: 'Resume' }).click();
    await tray().and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await tray().waitFor({ state: 'detached' });
    await page.locator('sc-attachment-view').filter({ hasText: big.name }).waitFor();

    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chat.id}/messages`);
    expect(messages.at(-1)?.attachments.map((a) => [a.name, a.sha256])).toEqual([
      [big.name, sha256(big.buffer)],
    ]);
  }, 240_000);

  it('cancels an upload under way: the file leaves the tray and the server drops the upload', async () => {
    await pickAndSend();
    const uploading = tray().and(page.locator('[data-state="uploading"]'));
    await uploading.locator('.rate', { hasText: /\/s/ }).waitFor({ timeout: 60_000 });
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && TUS.test(r.url())),
      uploading.getByRole('button', { name: 'Cancel' }).click(),
    ]);
    expect(deleted.status()).toBe(204);
    await tray().waitFor({ state: 'detached' });
    // The operator's own upload, asked for by the operator: gone on the server (404).
    const { token } = (await (
      await fetch(`${env.server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
      })
    ).json()) as { token: string };
    const head = await fetch(`${env.server.url}${new URL(deleted.url()).pathname}`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.status).toBe(404);
    const messages = await env.admin.get<MessageDto[]>(`/v1/chats/${chat.id}/messages`);
    expect(messages).toHaveLength(1);
  }, 240_000);
});
