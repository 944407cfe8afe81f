import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type AccessRevokedEvent,
  type AttachmentCreatedEvent,
  type AttachmentDeletedEvent,
  type AttachmentPreviewedEvent,
  type ChatStartedEvent,
  type ChatUpdatedEvent,
  type FileRequestUpdatedEvent,
  type MessageCreatedEvent,
} from '../common/events/events';
import { RealtimeRepository } from './realtime.repository';
import { tokenRoom, userRoom } from './rooms';

/** Forwards internal events to the Socket.IO rooms. */
@Injectable()
export class RealtimeListener {
  constructor(private readonly realtime: RealtimeRepository) {}

  @OnEvent(EVENTS.messageCreated)
  onMessage(event: MessageCreatedEvent): void {
    this.realtime.toChat(event.accountId, event.chat.id, 'message:new', event.message);
    this.realtime.toAccount(event.accountId, 'chat:updated', event.chat);
  }

  @OnEvent(EVENTS.chatStarted)
  onChatStarted(event: ChatStartedEvent): void {
    this.realtime.toAccount(event.accountId, 'chat:updated', event.chat);
  }

  @OnEvent(EVENTS.chatUpdated)
  onChat(event: ChatUpdatedEvent): void {
    this.realtime.toChat(event.accountId, event.chat.id, 'chat:updated', event.chat);
  }

  @OnEvent(EVENTS.attachmentCreated)
  onAttachment(event: AttachmentCreatedEvent): void {
    if (event.chatId)
      this.realtime.toChat(event.accountId, event.chatId, 'attachment:created', event.attachment);
  }

  @OnEvent(EVENTS.attachmentPreviewed)
  onPreviewed(event: AttachmentPreviewedEvent): void {
    const body = { chatId: event.chatId, attachmentId: event.attachmentId, preview: event.preview };
    if (event.chatId) this.realtime.toChat(event.accountId, event.chatId, 'attachment:previewed', body);
    else this.realtime.toAccount(event.accountId, 'attachment:previewed', body);
  }

  @OnEvent(EVENTS.fileRequestUpdated)
  onFileRequest(event: FileRequestUpdatedEvent): void {
    this.realtime.toChat(event.accountId, event.request.chatId, 'file-request:updated', event.request);
  }

  /** An open socket must not outlive the token it was opened with. */
  @OnEvent(EVENTS.accessRevoked)
  onAccessRevoked(event: AccessRevokedEvent): void {
    this.realtime.disconnect([
      ...(event.tokenIds ?? []).map(tokenRoom),
      ...(event.userId ? [userRoom(event.userId)] : []),
    ]);
  }

  @OnEvent(EVENTS.attachmentDeleted)
  onAttachmentDeleted(event: AttachmentDeletedEvent): void {
    if (event.chatId)
      this.realtime.toChat(event.accountId, event.chatId, 'attachment:deleted', {
        chatId: event.chatId,
        attachmentId: event.attachmentId,
      });
  }
}
