import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { EventType } from '@satchel/contracts';
import {
  EVENTS,
  type AttachmentCreatedEvent,
  type AttachmentDeletedEvent,
  type AttachmentExpiredEvent,
  type MessageCreatedEvent,
} from '../../common/events/events';
import { CallbackSettingsRepository } from '../callbacks/callback-settings.repository';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';

interface Outgoing {
  accountId: string;
  type: EventType;
  chatId: string | null;
  attachmentId: string | null;
  data: Record<string, unknown>;
}

/** Seed 000's event notifications: signed JSON posts (`{type, timestamp, data}`) to the account's event URL. */
@Injectable()
export class EventsDeliveryListener {
  private readonly log = new Logger('Events');

  constructor(
    private readonly settings: CallbackSettingsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  @OnEvent(EVENTS.attachmentCreated, { async: true, promisify: true })
  onAttachmentCreated(e: AttachmentCreatedEvent): Promise<void> {
    const attachment = { ...e.attachment, callback: undefined, export: undefined };
    return this.post({
      accountId: e.accountId,
      type: 'attachment.created',
      chatId: e.chatId,
      attachmentId: e.attachment.id,
      data: { chatId: e.chatId, attachment },
    });
  }

  @OnEvent(EVENTS.attachmentDeleted, { async: true, promisify: true })
  onAttachmentDeleted(e: AttachmentDeletedEvent): Promise<void> {
    return this.post({
      accountId: e.accountId,
      type: 'attachment.deleted',
      chatId: e.chatId,
      attachmentId: e.attachmentId,
      data: { chatId: e.chatId, attachmentId: e.attachmentId },
    });
  }

  @OnEvent(EVENTS.attachmentExpired, { async: true, promisify: true })
  onAttachmentExpired(e: AttachmentExpiredEvent): Promise<void> {
    const { accountId, ...data } = e;
    return this.post({
      accountId,
      type: 'attachment.expired',
      chatId: e.chatId,
      attachmentId: e.attachmentId,
      data,
    });
  }

  @OnEvent(EVENTS.messageCreated, { async: true, promisify: true })
  onMessageCreated(e: MessageCreatedEvent): Promise<void> {
    return this.post({
      accountId: e.accountId,
      type: 'message.created',
      chatId: e.chat.id,
      attachmentId: null,
      data: { chat: e.chat, message: e.message },
    });
  }

  private async post(o: Outgoing): Promise<void> {
    try {
      const s = await this.settings.findCached(o.accountId);
      if (!s?.eventsEnabled || !s.eventsUrl || !s.secretSealed || !s.eventTypes.includes(o.type)) return;
      const payload = { type: o.type, timestamp: new Date().toISOString(), data: o.data };
      const d = await this.deliveries.createEvent({ ...o, eventType: o.type, payload, target: s.eventsUrl });
      await this.dispatcher.enqueueSafely('event', d.id);
    } catch (err) {
      this.log.error(
        `Could not record the ${o.type} event for account ${o.accountId}: ${(err as Error).message}`,
      );
    }
  }
}
