import type { AttachmentDto, SimpleUploadResponse } from '@satchel/contracts';
import { Client } from 'pg';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile, pngFile } from '../support/sample-files';

/** Past days of storage, as the sweep would have recorded them, so the chart has a history. */
async function plantUsageHistory(dbUrl: string, accountId: string): Promise<void> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  try {
    for (let i = 1; i <= 6; i++) {
      await c.query(
        `INSERT INTO storage_usage_days (account_id, day, bytes, files) VALUES ($1, current_date - $2::int, $3, $4)`,
        [accountId, i, (7 - i) * 20_000, 7 - i],
      );
    }
  } finally {
    await c.end();
  }
}

describe('console: Retention', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv('console-retention', {
      RETENTION_DAY_SECONDS: '1',
      RETENTION_EXPIRING_SOON_DAYS: '365',
    });
  });
  afterAll(() => env?.stop());

  it('lists expiring, expired and unused files with counts and sizes, bulk-deletes and holds, and warns at 80 % of the quota', async () => {
    const account = await env.admin.get<{ id: string }>('/v1/account');
    await env.admin.put('/v1/settings/uploads', { operator: { allowedTypes: 'png|pdf' } });
    const chat = await env.admin.createChat('Retention Visitor');
    const files = [
      pdfFile('invoice.pdf', 1),
      pdfFile('terms.pdf', 2),
      pngFile('photo.png', 320, 200, [40, 120, 200]),
    ];
    const stored = await env.admin.upload<AttachmentDto[]>(
      `/v1/chats/${chat.id}/attachments`,
      files.map((f) => ({ name: f.name, content: f.buffer, type: f.mimeType })),
    );
    await env.admin.post(`/v1/chats/${chat.id}/messages`, {
      text: 'your documents',
      attachmentIds: stored.map((a) => a.id),
    });
    await env.admin.upload<SimpleUploadResponse>(
      '/v1/chat/upload/',
      [{ name: 'draft.pdf', content: pdfFile('draft.pdf', 1).buffer, type: 'application/pdf' }],
      'file',
    );
    await env.admin.put(`/v1/accounts/${account.id}/quota`, { maxFiles: 5, maxBytes: null });
    await plantUsageHistory(env.server.db.url, account.id);

    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    await page.getByText('used 80 % of its storage quota (4 of 5 files)').waitFor();

    // The policy: a dry run first, then saved (a "day" lasts one second in this test).
    await page.getByLabel('All files').fill('1');
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByText('This policy would remove 4 files').waitFor();
    await page.getByLabel('All files').fill('300');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Retention policy saved.').waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();

    const expiring = page.locator('[data-view=expiring]');
    await expiring.filter({ hasText: 'Expiring soon · 4' }).waitFor();
    await page.locator('tr[data-file="invoice.pdf"]').waitFor();
    await screenshot(page, 'retention-expiring');

    await page.getByRole('checkbox', { name: 'Select invoice.pdf' }).check();
    await page.getByRole('checkbox', { name: 'Select terms.pdf' }).check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('2 files updated.').waitFor();
    await page.locator('tr[data-file="invoice.pdf"]').waitFor({ state: 'detached' });
    await expiring.filter({ hasText: 'Expiring soon · 2' }).waitFor();

    await page.locator('[data-view=expired]').click();
    await page.locator('[data-view=expired]').filter({ hasText: 'Expired · 2' }).waitFor();
    await page.locator('tr[data-file="invoice.pdf"]').getByText('(admin)').waitFor();
    await screenshot(page, 'retention-expired');

    await page.locator('[data-view=unused]').click();
    await page.locator('tr[data-file="draft.pdf"]').waitFor();
    await page.getByRole('checkbox', { name: 'Select draft.pdf' }).check();
    await page.getByRole('button', { name: 'Hold' }).click();
    await page.getByText('1 file updated.').waitFor();
    // Held: still listed (with its lock), and the sweep leaves it alone.
    await page.locator('tr[data-file="draft.pdf"]').getByLabel('On legal hold').waitFor();
    await screenshot(page, 'retention-unused');

    await page.locator('[data-view=orphaned]').click();
    await page.getByText('No files in this view.').waitFor();
    await screenshot(page, 'retention-orphaned');

    // The chat keeps a stub of the deleted files; the API answers 410 for them.
    const deleted = stored.find((a) => a.name === 'invoice.pdf')!;
    await expect(env.admin.get(`/v1/attachments/${deleted.id}`)).rejects.toMatchObject({ status: 410 });
    await page.context().close();
  });
});
