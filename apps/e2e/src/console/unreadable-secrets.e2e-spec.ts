import type { AttachmentDto, DeliveryDto, Page as ResultPage } from '@satchel/contracts';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { screenshot } from '../support/browser';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { waitFor, startS3Server, type TestS3Server } from '@satchel/testing';
import { samplePdf } from '../support/sample-files';

/** A value in the sealed format that no key opens: what every stored secret looks like after SECRETS_KEY changed. */
const foreignSealed = () =>
  ['v1', randomBytes(12), randomBytes(16), randomBytes(24)]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');

describe('console: stored secrets the server cannot decrypt', () => {
  let env: E2eEnv;
  let s3: TestS3Server;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    [s3, receiver] = await Promise.all([
      startS3Server('satchel-e2e'),
      startCallbackReceiver(() => ({ status: 200, body: { status: 0, uid: 'u', url: '' } })),
    ]);
    env = await startE2eEnv('console-unreadable-secrets');
    await env.admin.put('/v1/settings/callback', { enabled: true, url: receiver.url });
    await env.admin.put('/v1/settings/s3-export', {
      disabled: false,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: 'S3RVER',
      region: 'us-east-1',
      bucket: s3.bucket,
      endpoint: s3.endpoint,
    });
    const db = new Client({ connectionString: env.server.db.url });
    await db.connect();
    await db.query('UPDATE callback_settings SET secret_sealed = $1', [foreignSealed()]);
    await db.query('UPDATE s3_export_settings SET access_key_id_sealed = $1, secret_access_key_sealed = $2', [
      foreignSealed(),
      foreignSealed(),
    ]);
    await db.end();
  });

  afterAll(async () => {
    await env?.stop();
    await s3?.close();
    await receiver?.close();
  });

  it('settings say what to re-enter and the deliveries page shows why they failed', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/settings/callback');
    const callbackAlert = page.getByRole('alert').filter({ hasText: 'cannot be decrypted' });
    await callbackAlert.getByText(/rotate the signing secret/).waitFor();
    await screenshot(page, 'settings-callback-secret-unreadable');

    await page.goto('/console/settings/s3');
    await page
      .getByRole('alert')
      .getByText(/re-enter the S3 credentials/)
      .waitFor();
    await screenshot(page, 'settings-s3-secret-unreadable');

    const chat = await env.admin.createChat('Secrets Visitor');
    const [file] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'lease.pdf', content: samplePdf('Lease'), type: 'application/pdf' },
    ]);
    await waitFor('both deliveries failed', async () => {
      const list = await env.admin.get<ResultPage<DeliveryDto>>(`/v1/deliveries?attachmentId=${file.id}`);
      return list.items.filter((d) => d.status === 'failed').length === 2 ? true : undefined;
    });
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page
      .locator('tr[data-status=failed]')
      .filter({ hasText: /rotate the signing secret/ })
      .waitFor();
    await page
      .locator('tr[data-status=failed]')
      .filter({ hasText: /re-enter the S3 credentials/ })
      .waitFor();
    await screenshot(page, 'deliveries-secret-unreadable');
    expect(receiver.received).toHaveLength(0);

    await page.goto('/console/settings/callback');
    await callbackAlert.waitFor();
    await page.getByRole('button', { name: /Rotate/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Rotate/ })
      .click();
    await callbackAlert.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
