import type { AttachmentDto, ChatDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { samplePdf } from '../support/sample-files';

describe('console: links between Files and the inbox', () => {
  let env: E2eEnv;
  let closedChat: ChatDto;
  let file: AttachmentDto;

  beforeAll(async () => {
    env = await startE2eEnv('open-chat-link');
    closedChat = await env.admin.createChat('Closed Clara');
    [file] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${closedChat.id}/attachments`, [
      { name: 'contract.pdf', content: samplePdf('Contract'), type: 'application/pdf' },
    ]);
    await env.admin.post(`/v1/chats/${closedChat.id}/messages`, {
      text: 'Here is the signed contract.',
      attachmentIds: [file.id],
    });
    await env.admin.post(`/v1/chats/${closedChat.id}/close`);
    await env.admin.createChat('Open Otto');
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function expectChatOpen(page: Page): Promise<void> {
    await page.waitForURL(new RegExp(`/console/inbox/${closedChat.id}$`));
    const chat = page.getByRole('region', { name: 'Conversation' });
    await chat.getByRole('heading', { name: 'Closed Clara' }).waitFor();
    await chat.getByText('Closed', { exact: true }).waitFor();
    await chat.getByText('Here is the signed contract.').waitFor();
    await chat.getByRole('note').getByText('This chat is closed').waitFor();
    expect(await chat.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
  }

  it('"Open chat" in the Files table and in the file panel open that chat, also when it is closed', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/files');
    await page.getByRole('link', { name: `Open chat ${closedChat.id}` }).click();
    await expectChatOpen(page);
    await screenshot(page, 'open-chat-from-files');

    await page.goto(`/console/files?file=${file.id}`);
    await page.getByRole('link', { name: 'Open chat', exact: true }).click();
    await expectChatOpen(page);
    await page.context().close();
  });

  it('old /inbox?chat= links open the chat', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto(`/console/inbox?chat=${closedChat.id}`);
    await expectChatOpen(page);
    await page.context().close();
  });

  it('the inbox lists closed chats under "Closed"', async () => {
    const page = await env.page();
    await signIn(page);
    await page.goto('/console/inbox');
    const open = page.getByRole('navigation', { name: 'Open chats' });
    await open.getByText('Open Otto').waitFor();
    expect(await open.getByText('Closed Clara').count()).toBe(0);

    await page
      .getByRole('radio', { name: 'Closed' })
      .or(page.getByRole('button', { name: 'Closed' }))
      .click();
    const closed = page.getByRole('navigation', { name: 'Closed chats' });
    await closed.getByText('Closed Clara').click();
    await expectChatOpen(page);
    await screenshot(page, 'inbox-closed-chats');
    await page
      .getByRole('radio', { name: 'Open' })
      .or(page.getByRole('button', { name: 'Open', exact: true }))
      .click();
    await open.getByText('Open Otto').waitFor();
    await page.context().close();
  });
});
