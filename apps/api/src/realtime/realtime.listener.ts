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
  onMessage(e: MessageCreatedEvent): void {
    this.realtime.toChat(e.accountId, e.chat.id, 'message:new', e.message);
    this.realtime.toAccount(e.accountId, 'chat:updated', e.chat);
  }

  @OnEvent(EVENTS.chatStarted)
  onChatStarted(e: ChatStartedEvent): void {
    this.realtime.toAccount(e.accountId, 'chat:updated', e.chat);
  }

  @OnEvent(EVENTS.chatUpdated)
  onChat(e: ChatUpdatedEvent): void {
    this.realtime.toChat(e.accountId, e.chat.id, 'chat:updated', e.chat);
  }

  @OnEvent(EVENTS.attachmentCreated)
  onAttachment(e: AttachmentCreatedEvent): void {
    if (e.chatId) this.realtime.toChat(e.accountId, e.chatId, 'attachment:created', e.attachment);
  }

  @OnEvent(EVENTS.attachmentPreviewed)
  onPreviewed(e: AttachmentPreviewedEvent): void {
    const body = { chatId: e.chatId, attachmentId: e.attachmentId, preview: e.preview };
    if (e.chatId) this.realtime.toChat(e.accountId, e.chatId, 'attachment:previewed', body);
    else this.realtime.toAccount(e.accountId, 'attachment:previewed', body);
  }

  @OnEvent(EVENTS.fileRequestUpdated)
  onFileRequest(e: FileRequestUpdatedEvent): void {
    this.realtime.toChat(e.accountId, e.request.chatId, 'file-request:updated', e.request);
  }

  /** An open socket must not outlive the token it was opened with. */
  @OnEvent(EVENTS.accessRevoked)
  onAccessRevoked(e: AccessRevokedEvent): void {
    this.realtime.disconnect([
      ...(e.tokenIds ?? []).map(tokenRoom),
      ...(e.userId ? [userRoom(e.userId)] : []),
    ]);
  }

  @OnEvent(EVENTS.attachmentDeleted)
  onAttachmentDeleted(e: AttachmentDeletedEvent): void {
    if (e.chatId)
      this.realtime.toChat(e.accountId, e.chatId, 'attachment:deleted', {
        chatId: e.chatId,
        attachmentId: e.attachmentId,
      });
  }
}
