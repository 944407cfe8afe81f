import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentDto, EffectiveUploadRule, MessageDto } from '@satchel/contracts';
import type { ActorContext } from '../audit/audit.service';
import { canAccessChat, type Principal } from '../common/auth/principal';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../common/errors/domain-errors';
import type { ChatEntity } from '../chats/chat.entity';
import { ChatsRepository } from '../chats/chats.repository';
import { CHAT_MESSAGES, type ChatMessagesPort } from './chat-messages.port';
import { MAX_MESSAGE_LENGTH } from '../chats/dto/chat.dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { StorageQuotaService } from '../upload-settings/storage-quota.service';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentRecorder } from './attachment-recorder';
import { AttachmentsRepository } from './attachments.repository';
import { chatObjectKey } from './storage-keys';
import { TrustPolicy, type UploadTrust } from './trust-policy';
import { storageSink } from './upload/file-sink';
import { isUniqueViolation } from './upload/idempotency-key';
import type { MultipartBody } from './upload/multipart-body';
import { isMultipart } from './upload/multipart-reader';
import { discardAll, UploadReceiver } from './upload/upload-receiver';
import { ruleError } from './upload/upload-errors';

export interface ChatUploadTarget {
  chat: ChatEntity;
  rule: EffectiveUploadRule;
  accessTokenRequired: boolean;
  trust: UploadTrust;
}

/** Multipart uploads into a chat (`files`, repeatable), alone or as a message with text. */
@Injectable()
export class UploadsService {
  constructor(
    private readonly receiver: UploadReceiver,
    private readonly recorder: AttachmentRecorder,
    private readonly chats: ChatsRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly settings: UploadSettingsService,
    private readonly attachments: AttachmentsRepository,
    private readonly presenter: AttachmentPresenter,
    @Inject(CHAT_MESSAGES) private readonly chatsService: ChatMessagesPort,
    private readonly trust: TrustPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quotas: StorageQuotaService,
  ) {}

  /**
   * `POST /v1/chats/:chatId/attachments`. With an `Idempotency-Key`, a repeated request (a client
   * that retries after losing the answer) gets the files stored the first time, not a second copy.
   */
  async upload(
    ctx: ActorContext,
    chatId: string,
    req: MultipartBody,
    key: string | undefined,
  ): Promise<AttachmentDto[]> {
    return this.refusalsAudited(ctx, chatId, async () => {
      const target = await this.target(ctx.principal, chatId);
      const earlier = key ? await this.storedUnder(target, key) : [];
      if (earlier.length) {
        req.resume();
        return earlier;
      }
      if (key) await this.refuseKeyOfOtherChat(target, key);
      const { files } = await this.receiveFiles(req, target);
      if (files.length === 0) throw new ValidationError('files is required', 'files');
      const opts = {
        chatId,
        source: 'upload' as const,
        accessTokenRequired: target.accessTokenRequired,
        idempotencyKey: key,
        encrypted: target.trust.encrypt,
      };
      return this.recorder.record(ctx, files, opts).catch(async (err: unknown) => {
        // A concurrent request with the same key won (the recorder already removed our objects).
        const winner = key && isUniqueViolation(err) ? await this.storedUnder(target, key) : [];
        if (winner.length) return winner;
        if (key && isUniqueViolation(err)) await this.refuseKeyOfOtherChat(target, key);
        throw err;
      });
    });
  }

  /** Keys are scoped to the account: the same key in another chat is a client bug, answered 409. */
  private async refuseKeyOfOtherChat(target: ChatUploadTarget, key: string): Promise<void> {
    const { accountId, id } = target.chat;
    if (await this.attachments.idempotencyKeyUsedElsewhere(accountId, id, key)) {
      throw new ConflictError(
        'This Idempotency-Key was already used for an upload to another chat of this account; use a new key per upload',
        { code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' },
      );
    }
  }

  /** The files recorded earlier under an idempotency key (also a tus upload's `tus:<id>`). */
  async storedUnder(target: ChatUploadTarget, key: string): Promise<AttachmentDto[]> {
    const { accountId, id } = target.chat;
    const rows = await this.attachments.findByIdempotencyKey(accountId, id, key);
    return this.presenter.present(accountId, rows, { accessTokenRequired: target.accessTokenRequired });
  }

  /** `POST /v1/chats/:chatId/messages/with-files`: text and files in one request, one message. */
  async uploadMessage(ctx: ActorContext, chatId: string, req: MultipartBody): Promise<MessageDto> {
    const stored = await this.refusalsAudited(ctx, chatId, async () => {
      const target = await this.target(ctx.principal, chatId);
      const { files, fields } = await this.receiveFiles(req, target);
      if ((fields.get('text') ?? '').length > MAX_MESSAGE_LENGTH) {
        await discardAll(files.map((f) => f.file));
        throw new ValidationError(`text must be at most ${MAX_MESSAGE_LENGTH} characters`, 'text');
      }
      const dtos = await this.recorder.record(ctx, files, {
        chatId,
        source: 'upload',
        accessTokenRequired: target.accessTokenRequired,
        encrypted: target.trust.encrypt,
      });
      return { dtos, text: fields.get('text') };
    });
    // A quarantined file is stored but never part of a message.
    const ids = stored.dtos.filter((d) => d.trust?.scan !== 'infected').map((d) => d.id);
    try {
      return await this.chatsService.send(ctx.principal, chatId, { text: stored.text, attachmentIds: ids });
    } catch (err) {
      await this.recorder.retract(stored.dtos.map((d) => d.id));
      throw err;
    }
  }

  /** The chat and the uploader's rule; refuses a closed chat or a disabled role before reading the body. */
  async target(principal: Principal, chatId: string): Promise<ChatUploadTarget> {
    const [chat, { rule, accessTokenRequired }, trust] = await Promise.all([
      this.chats.findInAccount(principal.accountId, chatId),
      this.settings.forUploader(principal),
      this.trust.forAccount(principal.accountId),
    ]);
    if (!chat || !canAccessChat(principal, chat)) throw new NotFoundError('Chat');
    if (chat.status === 'closed') throw new ForbiddenError('This chat is closed', { code: 'CHAT_CLOSED' });
    if (!rule.enabled)
      throw ruleError(
        { code: 'disabled', message: `File uploads are disabled for ${rule.role}s` },
        '',
        rule.maxSizeKb,
        rule,
      );
    return { chat, rule, accessTokenRequired, trust };
  }

  /** Runs an upload; a refusal or failure is audited with its reason, then rethrown. */
  async refusalsAudited<T>(ctx: ActorContext, chatId: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      // With the database down the audit fails too; the client still gets the original reason.
      await this.recorder.refused(ctx, chatId, err).catch(() => undefined);
      throw err;
    }
  }

  private async receiveFiles(req: MultipartBody, target: ChatUploadTarget) {
    if (!isMultipart(req))
      throw new BadRequestError('Expected a multipart/form-data body with files in "files"');
    const { accountId, id } = target.chat;
    const budget = await this.quotas.budget(accountId);
    const { files, fields } = await this.receiver.receive(req, {
      budget,
      fileField: 'files',
      rule: target.rule,
      maxFiles: this.config.uploads.maxFilesPerRequest,
      sinkFor: () => storageSink(this.objects, chatObjectKey(accountId, id), target.trust.encrypt),
      checks: target.trust.checks,
    });
    return { files: files.map((file) => ({ file, key: file.sink.key })), fields };
  }
}
