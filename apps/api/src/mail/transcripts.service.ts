import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/auth/principal';
import { ChatsService } from '../chats/chats.service';
import { MailService } from './mail.service';
import { NotificationsRepository } from './notifications.repository';
import { TeamSettingsRepository } from './team-settings.repository';

const TRANSCRIPT_MESSAGES = 200;

/** Emails a closed chat's transcript, with signed links to its files, to the visitor who gave an address. */
@Injectable()
export class TranscriptsService {
  constructor(
    private readonly chats: ChatsService,
    private readonly rows: NotificationsRepository,
    private readonly settings: TeamSettingsRepository,
    private readonly mail: MailService,
  ) {}

  async setVisitorEmail(principal: Principal, chatId: string, email: string): Promise<void> {
    await this.chats.accessibleChat(principal, chatId);
    await this.rows.setVisitorEmail(chatId, email);
  }

  async sendOnClose(accountId: string, chatId: string): Promise<void> {
    if (!(await this.settings.get(accountId)).transcriptEmails) return;
    const to = await this.rows.claimTranscript(chatId);
    if (!to) return;
    const system: Principal = {
      kind: 'api',
      role: 'api',
      accountId,
      userId: null,
      name: 'transcript',
      tokenId: '',
    };
    const { items: messages } = await this.chats.listMessages(system, chatId, { limit: TRANSCRIPT_MESSAGES });
    const lines = messages.flatMap((m) => [
      ...(m.text ? [{ text: `${m.author.name}: ${m.text}` }] : []),
      ...m.attachments.map((a) => ({ text: `${m.author.name}: ${a.name}`, href: a.url })),
    ]);
    await this.mail.send('transcript', accountId, to, {
      vars: { account: await this.rows.accountName(accountId) },
      lines,
    });
  }
}
