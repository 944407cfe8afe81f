import type { AttachmentDto, S3ExportSettings } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { waitFor, waitForQueuesIdle, startS3Server, type TestS3Server } from '@satchel/testing';
import { samplePdf } from '../support/sample-files';

async function fillS3Form(page: Page, s3: TestS3Server, keys: { id: string; secret: string }): Promise<void> {
  await page.getByLabel('Access key ID').fill(keys.id);
  await page.getByLabel('Secret access key').fill(keys.secret);
  await page.getByLabel('Region').fill('us-east-1');
  await page.getByLabel('Bucket name').fill(s3.bucket);
  await page.getByLabel('Folder name').fill('chat-files');
  await page.getByLabel('Endpoint (optional)').fill(s3.endpoint);
}

describe('console: Settings › AWS S3 export', () => {
  let env: E2eEnv;
  let s3: TestS3Server;

  beforeAll(async () => {
    s3 = await startS3Server('satchel-e2e');
    env = await startE2eEnv('console-s3-export');
  });

  afterAll(async () => {
    await env?.stop();
    await s3?.close();
  });

  it('reports failure with wrong keys and success against s3rver', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'AWS S3 export' }).click();
    // s3rver checks the access key ID but not V4 signatures, so both keys are wrong here.
    await fillS3Form(page, s3, { id: 'AKIAWRONGKEY', secret: 'definitely-wrong-secret' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('test-result');
    await result.getByText('Failed:').waitFor({ timeout: 30000 });
    await screenshot(page, 'settings-s3-test-failed');

    await expect(result.textContent()).resolves.toContain('bad_credentials');
    await fillS3Form(page, s3, { id: s3.accessKeyId, secret: s3.secretAccessKey });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await result.getByText('Success:').waitFor({ timeout: 30000 });
    expect(s3.keys()).toEqual([]);
    await screenshot(page, 'settings-s3-test-ok');
    await page.context().close();
  });

  it('saves the settings with the secret write-only and exports uploaded files to folder/chatId/name', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/s3');
    await fillS3Form(page, s3, { id: s3.accessKeyId, secret: s3.secretAccessKey });
    const exportOn = page.getByRole('switch', { name: /^Export to S3: / });
    expect(await exportOn.isChecked()).toBe(false);
    await exportOn.click();
    await page.getByText('Export is on').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('AWS S3 export settings saved.').waitFor();
    await page.reload();
    await page.getByText('Saved secret ends in RVER').waitFor();
    expect(await page.getByLabel('Secret access key').inputValue()).toBe('');
    const saved = await env.admin.get<S3ExportSettings>('/v1/settings/s3-export');
    expect(JSON.stringify(saved)).not.toContain('S3RVER"');
    await screenshot(page, 'settings-s3');

    const chat = await env.admin.createChat('Exported Visitor');
    await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'contract.pdf', content: samplePdf('Contract'), type: 'application/pdf' },
    ]);
    await waitFor('the export in the bucket', async () =>
      s3.keys().includes(`chat-files/${chat.id}/contract.pdf`) ? true : undefined,
    ).catch(async (err: Error) => {
      throw new Error(
        `${err.message}; bucket: ${s3.keys().join(', ')}; deliveries: ${JSON.stringify(await env.admin.get('/v1/deliveries'))}`,
      );
    });
    await page.context().close();
  });

  it('exports the files uploaded while the export was off with "Export backlog"', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/s3');
    const exportOn = page.getByRole('switch', { name: /^Export to S3: / });
    const save = async (): Promise<void> => {
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('AWS S3 export settings saved.').first().waitFor();
    };
    await page.getByText('Saved secret ends in RVER').waitFor();
    expect(await exportOn.isChecked()).toBe(true);
    await exportOn.click();
    await save();

    const chat = await env.admin.createChat('Backlog Visitor');
    const [offFile] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'while-off.pdf', content: samplePdf('While off'), type: 'application/pdf' },
    ]);
    const key = `chat-files/${chat.id}/while-off.pdf`;
    // The upload's background work ran (its preview, set off with its deliveries) and nothing is left queued.
    await waitFor('the preview of the file sent while off', async () =>
      (await env.admin.get<AttachmentDto>(`/v1/attachments/${offFile.id}`)).preview.status === 'pending'
        ? undefined
        : true,
    );
    await waitForQueuesIdle(env.server.url);
    expect(s3.keys()).not.toContain(key);

    await exportOn.click();
    await save();
    await page.getByRole('button', { name: 'Export backlog' }).click();
    await page.getByTestId('backlog-result').getByText('1 file queued for export.').waitFor();
    await screenshot(page, 'settings-s3-backlog');
    await waitFor('the backlog export in the bucket', async () =>
      s3.keys().includes(key) ? true : undefined,
    );

    await page.getByRole('button', { name: 'Export backlog' }).click();
    await page
      .getByTestId('backlog-result')
      .getByText('Nothing to export: every file is already in the bucket.')
      .waitFor();
    await page.context().close();
  });
});
