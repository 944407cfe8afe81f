import type { AttachmentDto, DeliveryDto, Page as ResultPage } from '@satchel/contracts';
import { screenshot } from '../support/browser';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { waitFor } from '@satchel/testing';
import { samplePdf } from '../support/sample-files';

describe('console: Deliveries', () => {
  let env: E2eEnv;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver(() => ({ status: 500, body: { error: 'receiver is down' } }));
    env = await startE2eEnv('console-deliveries', { CALLBACK_RETRY_SCHEDULE: '200ms,200ms' });
    await env.admin.put('/v1/settings/callback', { enabled: true, url: receiver.url });
  });

  afterAll(async () => {
    await env?.stop();
    await receiver?.close();
  });

  it('retries a failed callback delivery from the Deliveries page', async () => {
    const chat = await env.admin.createChat('Retry Visitor');
    const [file] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: 'statement.pdf', content: samplePdf('Statement'), type: 'application/pdf' },
    ]);
    const failed = await waitFor(
      'the callback delivery to fail',
      async () => {
        const page = await env.admin.get<ResultPage<DeliveryDto>>(
          `/v1/deliveries?attachmentId=${file.id}&kind=callback`,
        );
        return page.items.find((d) => d.status === 'failed');
      },
      60000,
    );
    expect(failed.attempts).toBeGreaterThanOrEqual(1);

    receiver.reply(() => ({
      status: 200,
      body: { status: 0, uid: 'uid-after-retry', url: 'https://crm.example/r' },
    }));
    const page = await env.page();
    await signIn(page);
    await page.getByRole('link', { name: 'Deliveries' }).click();
    const row = page.locator('tr[data-status]').filter({ hasText: receiver.url });
    await row.getByText('failed').waitFor();
    await row.getByText('HTTP 500').waitFor();
    await screenshot(page, 'deliveries-failed');
    await row.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Delivery queued again.').waitFor();

    await waitFor('the retried delivery to succeed', async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return (await page.locator('tr[data-status=delivered]').count()) === 1 ? true : undefined;
    });
    const delivered = page.locator('tr[data-status=delivered]');
    await delivered.getByText('uid uid-after-retry').waitFor();
    await delivered.getByRole('button', { name: /Show attempts/ }).click();
    await page.getByText(/#1 ·/).first().waitFor();
    await screenshot(page, 'deliveries');
    const attachment = await env.admin.get<AttachmentDto>(`/v1/attachments/${file.id}`);
    expect(attachment.callback).toMatchObject({ status: 'delivered', uid: 'uid-after-retry' });
    await page.context().close();
  });
});
