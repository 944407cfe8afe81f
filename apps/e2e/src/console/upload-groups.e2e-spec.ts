import type { AttachmentDto, ChatDto, Page as ListPage, UserDto } from '@satchel/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { xlsxOfSize } from '@satchel/testing';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

const PASSWORD = 'operator-pass-1';
const MB = 1024 * 1024;

describe('console: upload groups and "why can\'t I send this?"', () => {
  let env: E2eEnv;
  let chat: ChatDto;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-groups-'));
  const sheetPath = join(dir, 'q3.xlsx');

  beforeAll(async () => {
    env = await startE2eEnv('console-upload-groups');
    for (const [name, email] of [
      ['Bill Billing', 'bill@e2e.local'],
      ['Olga Other', 'olga@e2e.local'],
    ]) {
      await env.admin.post<UserDto>('/v1/users', { name, email, role: 'operator', password: PASSWORD });
    }
    chat = await env.admin.createChat('Gina Groups');
    writeFileSync(sheetPath, xlsxOfSize(20 * MB));
  });

  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function attachSheet(page: Page, email: string): Promise<void> {
    await signIn(page, email, PASSWORD);
    await page.goto(`/console/inbox/${chat.id}`);
    // The chat and the operator's upload rule arrive together: a file picked earlier is checked against no rule.
    await page.locator('sc-chat-view h2', { hasText: 'Gina Groups' }).waitFor();
    // A path, not a buffer: 20 MB through the DevTools protocol is slow on a busy machine.
    await page.getByLabel('Choose files').setInputFiles(sheetPath, { timeout: 120_000 });
  }

  it('an admin creates the Billing group (xlsx up to 25 MB) and assigns Bill', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'Upload groups' }).click();
    await page.getByRole('heading', { name: 'Upload groups' }).waitFor();
    await page.getByRole('button', { name: 'New group' }).click();
    await page.getByLabel('Name').fill('Billing');
    await page.getByLabel('Allowed file types').fill('xlsx|pdf');
    await page.getByLabel('Largest file (MB)').fill('25');
    await page.getByRole('checkbox', { name: /Bill Billing/ }).check();
    await page.getByRole('button', { name: 'Save group' }).click();
    const billing = page.locator('[data-group="Billing"]');
    await billing.getByText('Sends xlsx, pdf up to 25 MB').waitFor();
    await billing.getByText('Bill Billing').waitFor();
    await screenshot(page, 'settings-upload-groups');
    await page.context().close();
  });

  it('a Billing operator may send a 20 MB .xlsx', async () => {
    const page = await env.page();
    await attachSheet(page, 'bill@e2e.local');
    const file = page.locator('[data-file="q3.xlsx"]');
    await file.and(page.locator('[data-state="ready"]')).waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await file.waitFor({ state: 'detached', timeout: 120_000 });
    const files = await env.admin.get<ListPage<AttachmentDto>>(`/v1/attachments?chatId=${chat.id}`);
    expect(files.items.map((a) => [a.name, a.size])).toEqual([['q3.xlsx', 20 * MB]]);
    await page.context().close();
  });

  it('another operator may not, and the inbox says which level decided', async () => {
    const page = await env.page();
    await attachSheet(page, 'olga@e2e.local');
    const file = page.locator('[data-file="q3.xlsx"][data-state="refused"]');
    await file
      .getByText('q3.xlsx: file is larger than the limit of 5120 KB (set by the platform default)')
      .waitFor();
    const why = page.locator('sc-upload-rule-why');
    await why.getByText("Why can't I send this?").waitFor();
    await why.getByText('Largest file: 5 MB — set by the platform default').waitFor();
    await screenshot(page, 'inbox-why-cant-i-send');
    const files = await env.admin.get<ListPage<AttachmentDto>>(`/v1/attachments?chatId=${chat.id}`);
    expect(files.items).toHaveLength(1);
    await page.context().close();
  });

  it("says which level decided in the operator's language (German)", async () => {
    const page = await env.page();
    await signIn(page, 'olga@e2e.local', PASSWORD);
    await page.evaluate(() => localStorage.setItem('satchel.console.lang', 'de'));
    await page.goto(`/console/inbox/${chat.id}`);
    await page.locator('sc-chat-view h2', { hasText: 'Gina Groups' }).waitFor();
    await page.getByLabel('Dateien auswählen').setInputFiles(sheetPath, { timeout: 120_000 });
    const file = page.locator('[data-file="q3.xlsx"][data-state="refused"]');
    await file.getByText('(festgelegt durch die Plattform-Voreinstellung)').waitFor();
    const why = page.locator('sc-upload-rule-why');
    await why.getByText('Warum kann ich das nicht senden?').waitFor();
    await why.getByText('Größte Datei: 5 MB — festgelegt durch die Plattform-Voreinstellung').waitFor();
    await screenshot(page, 'inbox-why-cant-i-send-de');
    await page.context().close();
  });
});
