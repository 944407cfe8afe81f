import { Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type ChatStartedEvent,
  type ChatUpdatedEvent,
  type MessageCreatedEvent,
} from '../common/events/events';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RealtimeRepository } from '../realtime/realtime.repository';
import { MailJobsRepository } from './mail-jobs.repository';
import { MailService } from './mail.service';
import { NotificationsRepository, type Recipient } from './notifications.repository';
import { TranscriptsService } from './transcripts.service';

/**
 * Operators away from the console hear about new chats and visitor messages in chats they answered:
 * each event is stored as pending and a delayed check per user runs after NOTIFY_OFFLINE_DELAY_SECONDS;
 * if the user still has no socket open, everything pending goes out in one email.
 */
@Injectable()
export class NotificationsService {
  private readonly log = new Logger('Notifications');

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly jobs: MailJobsRepository,
    private readonly mail: MailService,
    private readonly realtime: RealtimeRepository,
    private readonly transcripts: TranscriptsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnEvent(EVENTS.chatStarted, { async: true, suppressErrors: true })
  async onChatStarted(event: ChatStartedEvent): Promise<void> {
    const staff = await this.rows.staffToNotify(event.accountId);
    await this.queue(staff, {
      chatId: event.chat.id,
      kind: 'new-chat',
      summary: `New chat: ${event.chat.visitorName}`,
    });
  }

  @OnEvent(EVENTS.messageCreated, { async: true, suppressErrors: true })
  async onMessage(event: MessageCreatedEvent): Promise<void> {
    if (event.message.author.role !== 'visitor') return;
    const handlers = await this.rows.chatHandlers(event.chat.id);
    const text = event.message.text || event.message.attachments.map((a) => a.name).join(', ');
    await this.queue(handlers, {
      chatId: event.chat.id,
      kind: 'new-message',
      summary: `${event.chat.visitorName}: ${text.slice(0, 140)}`,
    });
  }

  @OnEvent(EVENTS.chatUpdated, { async: true, suppressErrors: true })
  async onChatUpdated(event: ChatUpdatedEvent): Promise<void> {
    if (event.chat.status === 'closed') await this.transcripts.sendOnClose(event.accountId, event.chat.id);
  }

  private async queue(users: Recipient[], notification: { chatId: string; kind: string; summary: string }) {
    for (const user of users) {
      await this.rows.addPending(user.id, notification);
      await this.jobs.scheduleNotification(user.id, this.config.mail.notifyOfflineDelayMs);
    }
  }

  /** The delayed check: online users lose their pending items (they saw them); offline ones get one email. */
  async flush(userId: string): Promise<void> {
    const online = await this.realtime.isUserOnline(userId);
    const pending = await this.rows.takePending(userId);
    const first = pending[0];
    if (!first || online) return;
    const account = await this.rows.accountName(first.accountId);
    await this.mail.send('operator-notification', first.accountId, first.email, {
      vars: { count: pending.length, account },
      link: this.mail.consoleLink('inbox'),
      lines: pending.map((p) => ({ text: p.summary, href: this.mail.consoleLink(`inbox/${p.chatId}`) })),
    });
    this.log.log(`Emailed ${pending.length} notification(s) to an offline user`);
  }
}
