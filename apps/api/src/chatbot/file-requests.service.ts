import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { FileRequestDto, MessageAuthor, MessageDto } from '@satchel/contracts';
import { isUUID } from 'class-validator';
import { actorOf, type Principal } from '../common/auth/principal';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../common/errors/domain-errors';
import { EVENTS, type FileRequestUpdatedEvent } from '../common/events/events';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ChatsService, type WithMessage } from '../chats/chats.service';
import type { CreateFileRequestDto } from './dto/chatbot.dto';
import { normalizeTypes } from './chatbot-steps';
import type { FileRequestEntity } from './file-request.entity';
import { toFileRequestDto } from './file-request.mapper';
import { FileRequestsRepository } from './file-requests.repository';

export interface RequestSpec {
  prompt: string;
  allowedTypes?: string;
  maxSizeKb?: number;
  skippable?: boolean;
}

/** File requests in a chat: asked by operators, API clients or the bot; answered, skipped or cancelled. */
@Injectable()
export class FileRequestsService {
  constructor(
    private readonly requests: FileRequestsRepository,
    private readonly chats: ChatsService,
    private readonly events: EventEmitter2,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, chatId: string): Promise<FileRequestDto[]> {
    await this.chats.accessibleChat(principal, chatId);
    return (await this.requests.forChat(principal.accountId, chatId)).map(toFileRequestDto);
  }

  /** An operator's or API client's request: a message with the prompt, and the request pointing at it. */
  async create(principal: Principal, chatId: string, dto: CreateFileRequestDto): Promise<FileRequestDto> {
    const spec = this.validSpec(dto);
    return this.createWith(principal.accountId, actorOf(principal), spec, (withMessage) =>
      this.chats.send(principal, chatId, { text: spec.prompt }, withMessage),
    );
  }

  /**
   * Posts the prompt (through `post`) and stores the request in the same transaction; `alsoInTx`
   * runs there too (the bot records that it waits). Announces the request once committed.
   */
  async createWith(
    accountId: string,
    by: MessageAuthor,
    spec: RequestSpec,
    post: (withMessage: WithMessage) => Promise<MessageDto>,
    alsoInTx?: (r: FileRequestEntity) => Promise<void>,
  ): Promise<FileRequestDto> {
    let row: FileRequestEntity | undefined;
    await post(async (message) => {
      row = await this.requests.create({
        accountId,
        chatId: message.chatId,
        messageId: message.id,
        prompt: spec.prompt,
        allowedTypes: spec.allowedTypes ?? null,
        maxSizeKb: spec.maxSizeKb ?? null,
        skippable: spec.skippable ?? false,
        requestedByRole: by.role,
        requestedById: by.id,
        requestedByName: by.name,
      });
      await alsoInTx?.(row);
    });
    return this.announce(accountId, row as FileRequestEntity);
  }

  async skip(principal: Principal, chatId: string, id: string): Promise<FileRequestDto> {
    const request = await this.openRequest(principal, chatId, id);
    if (!request.skippable) throw new UnprocessableError('This file request cannot be skipped');
    return this.close(principal.accountId, request, 'skipped');
  }

  async cancel(principal: Principal, chatId: string, id: string): Promise<FileRequestDto> {
    return this.close(principal.accountId, await this.openRequest(principal, chatId, id), 'cancelled');
  }

  /** Marks an open request fulfilled by a message that was already stored (files sent without the button). */
  async fulfilLater(
    accountId: string,
    request: FileRequestEntity,
    messageId: string,
  ): Promise<FileRequestDto> {
    await this.requests.resolve(request.id, 'fulfilled', messageId);
    return this.announce(accountId, {
      ...request,
      status: 'fulfilled',
      fulfilledMessageId: messageId,
      resolvedAt: new Date(),
    });
  }

  async announceById(accountId: string, chatId: string, id: string): Promise<FileRequestDto | null> {
    const request = await this.requests.find(accountId, chatId, id);
    return request ? this.announce(accountId, request) : null;
  }

  find(accountId: string, chatId: string, id: string): Promise<FileRequestEntity | null> {
    return this.requests.find(accountId, chatId, id);
  }

  private async close(
    accountId: string,
    request: FileRequestEntity,
    status: 'skipped' | 'cancelled',
  ): Promise<FileRequestDto> {
    await this.requests.resolve(request.id, status, null);
    return this.announce(accountId, { ...request, status, resolvedAt: new Date() });
  }

  private async openRequest(principal: Principal, chatId: string, id: string): Promise<FileRequestEntity> {
    await this.chats.accessibleChat(principal, chatId);
    const request = isUUID(id) ? await this.requests.find(principal.accountId, chatId, id) : null;
    if (!request) throw new NotFoundError('File request');
    if (request.status !== 'open') throw new ConflictError(`This file request is already ${request.status}`);
    return request;
  }

  private announce(accountId: string, r: FileRequestEntity): FileRequestDto {
    const request = toFileRequestDto(r);
    this.events.emit(EVENTS.fileRequestUpdated, { accountId, request } satisfies FileRequestUpdatedEvent);
    return request;
  }

  private validSpec(dto: CreateFileRequestDto): RequestSpec {
    const prompt = dto.prompt.trim();
    if (!prompt) throw new ValidationError('prompt must not be empty', 'prompt');
    const ceiling = this.config.uploads.maxSizeKb;
    if (dto.maxSizeKb !== undefined && dto.maxSizeKb > ceiling) {
      throw new ValidationError(`maxSizeKb must not exceed the platform limit of ${ceiling} KB`, 'maxSizeKb');
    }
    return {
      prompt,
      allowedTypes:
        dto.allowedTypes === undefined ? undefined : normalizeTypes(dto.allowedTypes, 'allowedTypes'),
      maxSizeKb: dto.maxSizeKb,
      skippable: dto.skippable,
    };
  }
}
