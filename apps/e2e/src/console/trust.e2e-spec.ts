import type { AttachmentDto, TrustSettings } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { eicar, EICAR_SIGNATURE, startClamd, waitUntil, type TestClamd } from '@satchel/testing';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { ADMIN } from '../support/api-server';
import { ApiClient } from '../support/api-client';

/** One tus upload (creation, then the whole body in one PATCH) as the owner. */
async function tusUpload(env: E2eEnv, chatId: string, filename: string, body: Buffer) {
  const { token } = await new ApiClient(env.server.url).post<{ token: string }>('/v1/auth/login', ADMIN);
  const b64 = (v: string) => Buffer.from(v).toString('base64');
  const headers = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
  const created = await fetch(`${env.server.url}/v1/uploads`, {
    method: 'POST',
    headers: {
      ...headers,
      'Upload-Length': String(body.length),
      'Upload-Metadata': `chatId ${b64(chatId)},filename ${b64(filename)}`,
    },
  });
  expect(created.status).toBe(201);
  const done = await fetch(new URL(created.headers.get('location') ?? '', env.server.url), {
    method: 'PATCH',
    headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
    body: new Uint8Array(body),
  });
  expect(done.status).toBe(200);
  return (await done.json()) as AttachmentDto;
}

describe('console: files you can trust', () => {
  let clamd: TestClamd;
  let env: E2eEnv;
  let clean: AttachmentDto;
  let infected: AttachmentDto;
  let chatId: string;

  beforeAll(async () => {
    clamd = await startClamd();
    env = await startE2eEnv('console-trust', { CLAMAV_URL: clamd.url });
    await env.admin.put('/v1/settings/uploads', { operator: { allowedTypes: 'txt|pdf' } });
    const chat = await env.admin.createChat('Tom Tester');
    chatId = chat.id;
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
      .getByRole('navigation', { name: 'Sections', exact: true })
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
      .getByRole('navigation', { name: 'Sections', exact: true })
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

  it('shows a resumable upload as scanning until clamd answers, then clean', async () => {
    const port = clamd.port;
    await clamd.stop();
    const up = await tusUpload(env, chatId, 'big-report.txt', Buffer.alloc(400_000, 'quarterly figures\n'));
    expect(up.trust).toMatchObject({ encrypted: true, scan: 'scanning' });
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    const row = page.getByRole('table', { name: 'Files' }).locator(`tr[data-file-id="${up.id}"]`);
    await row.getByText('Scanning…').waitFor();
    await screenshot(page, 'files-scanning');

    clamd = await startClamd(port);
    await waitUntil(
      'the scan to be clean',
      async () => (await env.admin.get<AttachmentDto>(`/v1/attachments/${up.id}`)).trust?.scan === 'clean',
      70_000,
      200,
    );
    await page.reload();
    await row.getByText('Scanned: clean').waitFor();
    await page.context().close();
  }, 90_000);

  it('explains and saves the trust settings', async () => {
    const page = await env.page();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
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
