import type { AccountDto, AttachmentDto, MailOutboxItemDto, MessageDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { tokenIn } from '@satchel/testing';
import { pngFile, samplePdf } from '../support/sample-files';

/** Console pages with their content loaded: axe only judges what is on screen. */
describe('console accessibility: no serious or critical axe-core violations (WCAG 2.2 A/AA)', () => {
  let env: E2eEnv;
  let page: Page;
  let chatId: string;
  let photoId: string;
  let pdfId: string;
  let closedChatId: string;
  let invitationToken: string;
  /** Pages checked on their own tab: the page guard counts every load of a tab's chunks. */
  let other: Page;

  beforeAll(async () => {
    env = await startE2eEnv('console-a11y');
    const widgetKey = (await env.admin.get<AccountDto>('/v1/account')).widgetKey;
    const started = await env.admin.startVisitorChat(widgetKey, 'Axe Ada');
    chatId = started.chatId;
    const visitor = new ApiClient(env.server.url).withToken(started.visitorToken);
    await visitor.post<MessageDto>(`/v1/chats/${chatId}/messages`, { text: 'Hello, here is my photo' });
    const png = pngFile('photo.png', 320, 200, [30, 120, 200]);
    const files = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chatId}/attachments`, [
      { name: png.name, content: png.buffer, type: png.mimeType },
      { name: 'invoice.pdf', content: samplePdf('Invoice'), type: 'application/pdf' },
    ]);
    photoId = files[0].id;
    pdfId = files[1].id;
    closedChatId = (await env.admin.createChat('Closed Cleo')).id;
    await env.admin.post(`/v1/chats/${chatId}/messages`, {
      text: 'Thanks, here are the documents',
      attachmentIds: files.map((f) => f.id),
    });
    await env.admin.createApiToken('CRM import');
    await env.admin.post('/v1/invitations', { email: 'ines@e2e.test', role: 'operator' });
    const [mail] = await env.admin.get<MailOutboxItemDto[]>('/v1/mail/outbox');
    invitationToken = tokenIn(mail, 'invitation');
    page = await env.page();
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function audit(name: string, on: Page = page): Promise<void> {
    await on.waitForLoadState('networkidle');
    await screenshot(on, `a11y-console-${name}`);
    expect(await seriousViolations(on)).toEqual([]);
  }

  it('forgot password, with its sent notice', async () => {
    other = await env.page();
    await other.goto('/console/forgot-password');
    await other.getByRole('button', { name: 'Send reset link' }).waitFor();
    await audit('forgot-password', other);
    await other.getByLabel('Email').fill('nobody@e2e.test');
    await other.getByRole('button', { name: 'Send reset link' }).click();
    await other.getByRole('status').waitFor();
    await audit('forgot-password-sent', other);
  });

  it('reset password, with an unusable link', async () => {
    await other.goto('/console/reset-password?token=not-a-real-token');
    await other.getByLabel('New password').fill('e2e-password-9');
    await other.getByRole('button', { name: 'Save password' }).click();
    await other.getByRole('alert').waitFor();
    await audit('reset-password', other);
  });

  it('accepting an invitation', async () => {
    await other.goto(`/console/invitation?token=${invitationToken}`);
    await other.getByText('invited ines@e2e.test as operator').waitFor();
    await audit('invitation', other);
  });

  it('login', async () => {
    await page.goto('/console/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await audit('login');
    await signIn(page);
  });

  it('inbox list', async () => {
    await page.goto('/console/inbox');
    await page.locator(`[data-chat="${chatId}"]`).waitFor();
    await audit('inbox');
  });

  it('an open chat with messages and files', async () => {
    await page.goto(`/console/inbox/${chatId}`);
    await page.locator('article.msg', { hasText: 'Thanks, here are the documents' }).waitFor();
    await page.getByRole('button', { name: 'View photo.png' }).waitFor();
    await audit('chat');
  });

  it('the image viewer of a chat', async () => {
    await page.getByRole('button', { name: 'View photo.png' }).click();
    await page.locator('[data-testid=viewer-image]').waitFor();
    await audit('chat-viewer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the viewer on a PDF, paged to from the image', async () => {
    await page.getByRole('button', { name: 'View photo.png' }).click();
    await page.getByTestId('viewer-position').filter({ hasText: 'Image 1 of 2' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog').locator('[data-testid=pdf-canvas]').waitFor();
    await page.waitForFunction(() => !!document.querySelector('[aria-label^="PDF preview of invoice.pdf"]'));
    await audit('chat-viewer-pdf');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Files tab of a chat', async () => {
    await page.getByTestId('files-tab').click();
    await page.locator('li.file[data-file="invoice.pdf"]').waitFor();
    await audit('chat-files-tab');
    await page.getByRole('link', { name: 'Conversation' }).click();
    await page.locator('article.msg', { hasText: 'Thanks, here are the documents' }).waitFor();
  });

  it('an open chat on a phone (390 × 844)', async () => {
    const phone = await env.page();
    await phone.setViewportSize({ width: 390, height: 844 });
    await signIn(phone);
    await phone.goto(`/console/inbox/${chatId}`);
    await phone.locator('article.msg', { hasText: 'Thanks, here are the documents' }).waitFor();
    await phone.getByRole('link', { name: 'Back to chats' }).waitFor();
    await audit('chat-phone', phone);
    await phone.context().close();
  });

  it('the request-a-file form of a chat', async () => {
    await page.getByRole('button', { name: 'Request a file' }).click();
    await page.getByLabel('Max size (KB)').waitFor();
    await audit('chat-request-form');
  });

  it('the list of closed chats', async () => {
    await env.admin.post(`/v1/chats/${closedChatId}/close`);
    await page.goto('/console/inbox');
    await page.locator('mat-button-toggle', { hasText: 'Closed' }).locator('button').click();
    await page.locator(`[data-chat="${closedChatId}"]`).waitFor();
    await audit('inbox-closed');
  });

  it('files list', async () => {
    await page.goto('/console/files');
    await page.getByRole('button', { name: 'Open photo.png' }).waitFor();
    await audit('files');
  });

  it('files list with the preview panel', async () => {
    await page.goto(`/console/files?file=${photoId}`);
    await page.getByTestId('image-preview').waitFor();
    await audit('files-preview');
  });

  it('files list with a PDF in the preview panel', async () => {
    await page.goto(`/console/files?file=${pdfId}`);
    await page.locator('[data-testid=pdf-canvas]').first().waitFor();
    await audit('files-preview-pdf');
  });

  it.each([
    ['audit', '/console/audit', 'Audit log'],
    ['deliveries', '/console/deliveries', 'Deliveries'],
    ['team', '/console/team', 'Team'],
    ['settings-uploads', '/console/settings/uploads', 'File uploads'],
    ['settings-s3', '/console/settings/s3', 'AWS S3 export'],
    ['settings-callback', '/console/settings/callback', 'Callback'],
    ['settings-chatbot', '/console/settings/chatbot', 'Chatbot'],
    ['settings-install', '/console/settings/install', 'Install'],
    ['settings-appearance', '/console/settings/appearance', 'Appearance'],
    ['retention', '/console/retention', 'Storage used'],
  ])('%s', async (name, path, heading) => {
    await page.goto(path);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await audit(name);
  });

  async function auditDialog(name: string, opener: string): Promise<void> {
    await page.getByRole('button', { name: opener }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('mat-dialog-container'));
    await audit(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  it('team: the add-person dialog', async () => {
    await page.goto('/console/team');
    await auditDialog('team-add-person', 'Add person');
  });

  it('team: the API tokens tab and its create-token dialog', async () => {
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'Revoke CRM import' }).waitFor();
    await audit('team-tokens');
    await auditDialog('team-create-token', 'Create token');
  });

  it('team: the invitations panel', async () => {
    other = await env.page();
    await signIn(other);
    await other.goto('/console/team');
    await other.getByRole('tab', { name: 'Invitations' }).click();
    await other.getByRole('table', { name: 'Invitations' }).getByText('ines@e2e.test').waitFor();
    await audit('team-invitations', other);
  });

  it('outbox with a mail opened', async () => {
    await other.goto('/console/outbox');
    await other.locator('mat-expansion-panel-header').first().click();
    await other.locator('.mail-text').first().waitFor();
    await audit('outbox', other);
  });

  it('security, setting up two-factor sign-in', async () => {
    await other.goto('/console/security');
    await other.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await other.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await audit('security-totp', other);
  });

  it('upload groups with a group and the editor open', async () => {
    await other.goto('/console/settings/groups');
    await other.getByRole('button', { name: 'New group' }).click();
    await other.getByLabel('Name').fill('Billing');
    await other.getByLabel('Allowed file types').fill('pdf|xlsx');
    await other.getByLabel('Largest file (MB)').fill('25');
    await other.getByRole('button', { name: 'Save group' }).click();
    await other.locator('[data-group="Billing"]').waitFor();
    await other.getByRole('button', { name: 'Edit Billing' }).click();
    await other.getByRole('button', { name: 'Save group' }).waitFor();
    await audit('upload-groups', other);
  });
});
