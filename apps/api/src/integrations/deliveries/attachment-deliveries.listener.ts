import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EVENTS, type AttachmentCreatedEvent } from '../../common/events/events';
import { DeliveryDispatcher } from './delivery-dispatcher';

/** Every stored attachment (any role, any upload path) gets its callback and export, off the request path. */
@Injectable()
export class AttachmentDeliveriesListener {
  private readonly log = new Logger('Deliveries');

  constructor(private readonly dispatcher: DeliveryDispatcher) {}

  @OnEvent(EVENTS.attachmentCreated, { async: true, promisify: true })
  async onCreated(e: AttachmentCreatedEvent): Promise<void> {
    try {
      const kinds = await this.dispatcher.activeKinds(e.accountId);
      if (kinds.length)
        await this.dispatcher.dispatch(
          { accountId: e.accountId, attachmentId: e.attachment.id, chatId: e.chatId },
          kinds,
        );
    } catch (err) {
      this.log.error(
        `Could not record deliveries for attachment ${e.attachment.id} (reconciliation will retry): ${(err as Error).message}`,
      );
    }
  }
}
