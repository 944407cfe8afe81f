import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ChatsService } from '../chats/chats.service';
import { EVENTS, type ChatStartedEvent, type ChatUpdatedEvent } from '../common/events/events';
import { RealtimeRepository } from '../realtime/realtime.repository';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxRepository } from './inbox.repository';

/** With the account's round-robin on, a chat waiting for an operator goes to the next one online. */
@Injectable()
export class AutoAssignListener {
  private readonly log = new Logger('AutoAssign');

  constructor(
    private readonly settings: InboxSettingsRepository,
    private readonly inbox: InboxRepository,
    private readonly realtime: RealtimeRepository,
    private readonly chats: ChatsService,
  ) {}

  @OnEvent(EVENTS.chatStarted, { async: true })
  async onStarted(event: ChatStartedEvent): Promise<void> {
    await this.safely(() => this.maybeAssign(event));
  }

  /** A hand-over by the bot makes a pending chat wait for an operator. */
  @OnEvent(EVENTS.chatUpdated, { async: true })
  async onUpdated(event: ChatUpdatedEvent): Promise<void> {
    await this.safely(() => this.maybeAssign(event));
  }

  private async maybeAssign(event: ChatUpdatedEvent): Promise<void> {
    if (event.chat.status !== 'open' || event.chat.assignee) return;
    const settings = await this.settings.find(event.accountId);
    if (!settings?.autoAssign) return;
    const online = [];
    for (const user of await this.inbox.staff(event.accountId))
      if (await this.realtime.isUserOnline(user.id)) online.push(user);
    if (online.length === 0) return;
    const after = online.findIndex((u) => u.id === settings.lastAssignedUserId);
    const next = online[(after + 1) % online.length];
    if (!(await this.settings.claimTurn(event.accountId, settings.lastAssignedUserId, next.id))) return;
    await this.chats.assignAutomatically(event.accountId, event.chat.id, next);
  }

  private async safely(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.log.error(`Auto-assignment failed: ${(err as Error).message}`, (err as Error).stack);
    }
  }
}
