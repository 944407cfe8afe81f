import type { AttachmentDto, TrustSettings } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { eicar, EICAR_SIGNATURE, startClamd, type TestClamd } from '../support/clamd';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';

describe('console: files you can trust', () => {
  let clamd: TestClamd;
  let env: E2eEnv;
  let clean: AttachmentDto;
  let infected: AttachmentDto;

  beforeAll(async () => {
    clamd = await startClamd();
    env = await startE2eEnv('console-trust', { CLAMAV_URL: clamd.url });
    await env.admin.put('/v1/settings/uploads', { operator: { allowedTypes: 'txt|pdf' } });
    const chat = await env.admin.createChat('Tom Tester');
    [clean, infected] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'meeting-notes.txt', content: Buffer.from('Agenda: budget, hiring.'), type: 'text/plain' },
      { name: 'invoice-tool.txt', content: eicar(), type: 'text/plain' },
    ]);
  });

  afterAll(async () => {
    await env?.stop();
    await clamd?.stop();
  });

  it('shows encryption and scan status in Files and the side panel', async () => {
    expect(clean.trust).toMatchObject({ encrypted: true, scan: 'clean' });
    expect(infected.trust).toMatchObject({ scan: 'infected', signature: EICAR_SIGNATURE });
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    const table = page.getByRole('table', { name: 'Files' });
    const cleanRow = table.locator(`tr[data-file-id="${clean.id}"]`);
    await cleanRow.getByText('Encrypted').waitFor();
    await cleanRow.getByText('Scanned: clean').waitFor();
    await table.locator(`tr[data-file-id="${infected.id}"]`).getByText('Quarantined').waitFor();
    await screenshot(page, 'files-protection');

    await table.getByRole('button', { name: 'Open meeting-notes.txt' }).click();
    const panel = page.locator('sc-file-detail');
    await panel.getByText('Scanned: clean').waitFor();
    await panel.getByText('Encrypted').waitFor();
    await screenshot(page, 'file-detail-protection');
    await page.context().close();
  });

  it('lists the infected file in Quarantine with its signature and deletes it', async () => {
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Quarantine' })
      .click();
    const row = page.locator(`tr[data-quarantined="${infected.id}"]`);
    await row.getByText(EICAR_SIGNATURE).waitFor();
    await row.getByText('invoice-tool.txt').waitFor();
    await screenshot(page, 'quarantine');
    await row.getByRole('button', { name: 'Delete invoice-tool.txt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete file' }).click();
    await page.getByText('Nothing in quarantine.').waitFor();
    await page.context().close();
  });

  it('explains and saves the trust settings', async () => {
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Files you can trust' })
      .click();
    await page.getByRole('heading', { name: 'Encryption at rest' }).waitFor();
    await page.getByText('Accept uploads and scan them as soon as it is back').click();
    await page.getByText('Refuse them, telling the sender why').click();
    await screenshot(page, 'trust-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    const saved = await env.admin.get<TrustSettings>('/v1/settings/trust');
    expect(saved).toEqual({
      encryptionAtRest: true,
      scanFailMode: 'open',
      activeContent: 'refuse',
      scanningAvailable: true,
    });
    await page.context().close();
  });
});
