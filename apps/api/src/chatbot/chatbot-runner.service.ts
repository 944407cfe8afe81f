import { Injectable, Logger } from '@nestjs/common';
import type { ChatbotStep, MessageDto } from '@satchel/contracts';
import { ChatsService } from '../chats/chats.service';
import type { ChatbotRunEntity } from './chatbot-run.entity';
import { ChatbotRepository } from './chatbot.repository';
import { contactFromAnswer } from './contact-answer';
import { filesMatchRequest } from './file-request-rule';
import { FileRequestsService } from './file-requests.service';

export const HANDOVER_TEXT = 'I am passing you to a colleague: an operator will answer here shortly.';

/** Walks a chat through the bot's steps: says texts, asks for files and waits, hands over to an operator. */
@Injectable()
export class ChatbotRunner {
  private readonly log = new Logger('Chatbot');

  constructor(
    private readonly repo: ChatbotRepository,
    private readonly chats: ChatsService,
    private readonly requests: FileRequestsService,
  ) {}

  /** A visitor started a chat: run the account's bot, if enabled, from its first step. */
  async start(accountId: string, chatId: string): Promise<void> {
    const settings = await this.repo.settings(accountId);
    if (!settings?.enabled || settings.steps.length === 0) return;
    if (!(await this.repo.createRun({ chatId, accountId, botName: settings.botName, steps: settings.steps })))
      return;
    await this.chats.botTakesOver(accountId, chatId);
    await this.advance({ chatId, accountId, botName: settings.botName, steps: settings.steps }, 0);
  }

  /** The request the bot waited on was answered, skipped or cancelled: go on with the next step. */
  async resume(chatId: string, requestId: string): Promise<void> {
    const run = await this.repo.claimWaiting(chatId, requestId);
    if (run) await this.advance(run, run.stepIndex + 1);
  }

  /** A visitor sent files while the bot waits for one, without using the request's button: take them. */
  async onVisitorFiles(accountId: string, message: MessageDto): Promise<void> {
    const run = await this.repo.run(message.chatId);
    if (run?.state !== 'waiting' || !run.waitingRequestId) return;
    const request = await this.requests.find(accountId, message.chatId, run.waitingRequestId);
    if (request?.status !== 'open' || !filesMatchRequest(request, message.attachments)) return;
    await this.requests.fulfilLater(accountId, request, message.id);
    await this.resume(message.chatId, request.id);
  }

  /** The visitor answered the bot's "who are you?": their name and email go on the chat, the bot goes on. */
  async onVisitorText(accountId: string, message: MessageDto): Promise<void> {
    const run = await this.repo.run(message.chatId);
    if (run?.state !== 'waiting' || run.waitingRequestId) return;
    if (run.steps[run.stepIndex]?.type !== 'askContact') return;
    const claimed = await this.repo.claimContactAnswer(message.chatId);
    if (!claimed) return;
    await this.chats.recordVisitorContact(accountId, message.chatId, contactFromAnswer(message.text));
    await this.advance(claimed, claimed.stepIndex + 1);
  }

  private async advance(
    run: Pick<ChatbotRunEntity, 'chatId' | 'accountId' | 'botName' | 'steps'>,
    from: number,
  ): Promise<void> {
    for (let i = from; i < run.steps.length; i++) {
      const step = run.steps[i];
      if (step.type === 'say') {
        await this.say(run, step.text);
      } else if (step.type === 'handover') {
        await this.say(run, step.text ?? HANDOVER_TEXT);
        await this.repo.setState(run.chatId, i, 'handed_over');
        await this.chats.handOver(run.accountId, run.chatId);
        return;
      } else if (step.type === 'askContact') {
        await this.say(run, step.prompt);
        await this.repo.setState(run.chatId, i, 'waiting');
        return;
      } else {
        await this.ask(run, step, i);
        return;
      }
    }
    await this.repo.setState(run.chatId, run.steps.length, 'done');
    await this.chats.handOver(run.accountId, run.chatId);
    this.log.debug(`Chat ${run.chatId}: bot finished`);
  }

  private say(
    run: Pick<ChatbotRunEntity, 'chatId' | 'accountId' | 'botName'>,
    text: string,
  ): Promise<MessageDto> {
    return this.chats.postAsBot(run.accountId, run.chatId, run.botName, text);
  }

  private async ask(
    run: Pick<ChatbotRunEntity, 'chatId' | 'accountId' | 'botName'>,
    step: Extract<ChatbotStep, { type: 'askFile' }>,
    stepIndex: number,
  ): Promise<void> {
    await this.requests.createWith(
      run.accountId,
      { role: 'bot', id: null, name: run.botName },
      step,
      (withMessage) => this.chats.postAsBot(run.accountId, run.chatId, run.botName, step.prompt, withMessage),
      (r) => this.repo.setState(run.chatId, stepIndex, 'waiting', r.id),
    );
  }
}
