import { Inject, Injectable } from '@nestjs/common';
import type { EndUserUploadResponse } from '@satchel/contracts';
import type { Request } from 'express';
import type { ActorContext } from '../audit/audit.service';
import { ValidationError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentRecorder, type StoredUpload } from './attachment-recorder';
import { accountObjectKey, chatObjectKey } from './storage-keys';
import { SpoolSink } from './upload/file-sink';
import { spoolDir } from './upload/temp-dirs';
import type { StagedFile } from './upload/file-stager';
import { isMultipart } from './upload/multipart-reader';
import { ruleError } from './upload/upload-errors';
import { discardAll, UploadReceiver } from './upload/upload-receiver';
import { UploadsService } from './uploads.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Uploads files on behalf of an end user (the seed 000 contract), `POST /upload_attachments`: multipart
 * `files` (repeatable) for the end user `user_id`, optionally into the chat `chat_id`. The form fields
 * may follow the files, so each file is checked while it streams into a local spool file and moved to
 * its key once the fields are known.
 */
@Injectable()
export class EndUserUploadService {
  constructor(
    private readonly receiver: UploadReceiver,
    private readonly recorder: AttachmentRecorder,
    private readonly objects: AttachmentObjectsRepository,
    private readonly settings: UploadSettingsService,
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(ctx: ActorContext, req: Request): Promise<EndUserUploadResponse> {
    return this.uploads.refusalsAudited(ctx, null, async () => {
      if (!isMultipart(req)) throw new ValidationError('files is required', 'files');
      const { rule, accessTokenRequired } = await this.settings.forUploader(ctx.principal);
      if (!rule.enabled)
        throw ruleError(
          { code: 'disabled', message: 'File uploads are disabled for operators' },
          '',
          0,
          rule,
        );
      const { files, fields } = await this.receiver.receive<SpoolSink>(req, {
        fileField: 'files',
        rule,
        maxFiles: this.config.uploads.maxFilesPerRequest,
        sinkFor: () => new SpoolSink(spoolDir(this.config)),
      });
      const { stored, chatId, userId } = await this.commit(ctx, files, fields);
      const dtos = await this.recorder.record(ctx, stored, {
        chatId,
        source: 'seed-upload',
        accessTokenRequired,
        endUserId: userId,
        details: { userId },
      });
      return {
        status: 'success',
        message: `${dtos.length} files uploaded successfully.`,
        files: dtos.map((dto) => ({ filename: dto.name, content_type: dto.contentType, size: dto.size })),
      };
    });
  }

  /** Validates the fields, then moves every spooled file to its key; on any failure nothing stays. */
  private async commit(ctx: ActorContext, files: StagedFile<SpoolSink>[], fields: Map<string, string>) {
    const stored: StoredUpload[] = [];
    try {
      const userId = fields.get('user_id') ?? '';
      if (userId.length < 1) throw new ValidationError('user_id is required', 'user_id');
      if (userId.length > 200) throw new ValidationError('user_id must be at most 200 characters', 'user_id');
      if (files.length === 0) throw new ValidationError('files is required', 'files');
      const chatId = fields.get('chat_id') || null;
      if (chatId !== null) {
        if (!UUID.test(chatId)) throw new ValidationError('chat_id must be a chat id (UUID)', 'chat_id');
        await this.uploads.target(ctx.principal, chatId);
      }
      const accountId = ctx.principal.accountId;
      for (const file of files) {
        const key = chatId ? chatObjectKey(accountId, chatId) : accountObjectKey(accountId);
        await file.sink.commit(this.objects, key);
        stored.push({ file, key });
      }
      return { stored, chatId, userId };
    } catch (err) {
      await discardAll(files);
      await Promise.all(stored.map((s) => this.objects.remove(s.key)));
      throw err;
    }
  }
}
