import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type ChatStartedEvent,
  type FileRequestUpdatedEvent,
  type MessageCreatedEvent,
} from '../common/events/events';
import { ChatbotRunner } from './chatbot-runner.service';
import { FileRequestsService } from './file-requests.service';

/** Runs the bot on chat start and when its file requests are answered (by a message, a skip or a cancel). */
@Injectable()
export class ChatbotListener {
  private readonly log = new Logger('Chatbot');

  constructor(
    private readonly runner: ChatbotRunner,
    private readonly requests: FileRequestsService,
  ) {}

  /** Not `async: true`: the chat start awaits it, so the greeting is stored before the visitor's first message. */
  @OnEvent(EVENTS.chatStarted)
  async onChatStarted(event: ChatStartedEvent): Promise<void> {
    if (event.chat.source !== 'widget') return;
    await this.safely('start', () => this.runner.start(event.accountId, event.chat.id));
  }

  @OnEvent(EVENTS.messageCreated, { async: true })
  async onMessage(event: MessageCreatedEvent): Promise<void> {
    const { message, fileRequestId } = event;
    if (fileRequestId) {
      await this.safely('fulfilled request', async () => {
        await this.requests.announceById(event.accountId, message.chatId, fileRequestId);
        await this.runner.resume(message.chatId, fileRequestId);
      });
    } else if (message.author.role === 'visitor' && message.attachments.length > 0) {
      await this.safely('visitor files', () => this.runner.onVisitorFiles(event.accountId, message));
    } else if (message.author.role === 'visitor' && message.text.trim()) {
      await this.safely('visitor contact', () => this.runner.onVisitorText(event.accountId, message));
    }
  }

  @OnEvent(EVENTS.fileRequestUpdated, { async: true })
  async onRequest(event: FileRequestUpdatedEvent): Promise<void> {
    const { request } = event;
    if (request.status === 'skipped' || request.status === 'cancelled') {
      await this.safely('closed request', () => this.runner.resume(request.chatId, request.id));
    }
  }

  private async safely(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.log.error(`Chatbot (${what}) failed: ${(err as Error).message}`, (err as Error).stack);
    }
  }
}
