import { Injectable } from '@nestjs/common';
import type { FileStreamUploadResponse } from '@satchel/contracts';
import { sanitizeDisplayName } from '@satchel/domain';
import type { Request } from 'express';
import type { ActorContext } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { NotFoundError, ValidationError } from '../common/errors/domain-errors';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentRecorder } from './attachment-recorder';
import { DownloadsService, type DownloadRequest, type DownloadResponse } from './downloads.service';
import { chatObjectKey } from './storage-keys';
import { storageSink } from './upload/file-sink';
import { isMultipart } from './upload/multipart-reader';
import { UploadReceiver } from './upload/upload-receiver';
import { UploadsService } from './uploads.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file stream upload of the seed 003 contract (`POST /v1/files?conversationId=`, multipart `file`),
 * stored as `<conversationId>_<name>`, and its download by that name alone (`GET /v1/files?filename=`):
 * the chat is the name's prefix, and the caller must be a participant of it, as for every download.
 */
@Injectable()
export class FileStreamService {
  constructor(
    private readonly uploads: UploadsService,
    private readonly receiver: UploadReceiver,
    private readonly objects: AttachmentObjectsRepository,
    private readonly recorder: AttachmentRecorder,
    private readonly downloads: DownloadsService,
  ) {}

  async upload(ctx: ActorContext, conversationId: unknown, req: Request): Promise<FileStreamUploadResponse> {
    const chatId = validChatId(conversationId, 'conversationId');
    return this.uploads.refusalsAudited(ctx, chatId, async () => {
      const target = await this.uploads.target(ctx.principal, chatId);
      if (!isMultipart(req)) throw new ValidationError('file is required', 'file');
      const { files } = await this.receiver.receive(req, {
        fileField: 'file',
        rule: target.rule,
        maxFiles: 1,
        sinkFor: () => storageSink(this.objects, chatObjectKey(ctx.principal.accountId, chatId)),
      });
      const file = files[0];
      if (!file) throw new ValidationError('file is required', 'file');
      const named = { ...file, name: sanitizeDisplayName(`${chatId}_${file.name}`) };
      const [stored] = await this.recorder.record(ctx, [{ file: named, key: file.sink.key }], {
        chatId,
        source: 'upload',
        accessTokenRequired: target.accessTokenRequired,
      });
      if (!stored) throw new Error('recorded no attachment');
      return {
        message: 'File uploaded successfully.',
        etag: `"${stored.sha256}"`,
        name: stored.name,
        type: stored.contentType,
        size: stored.size,
      };
    });
  }

  download(principal: Principal, filename: unknown, req: DownloadRequest): Promise<DownloadResponse> {
    if (typeof filename !== 'string' || filename === '')
      throw new ValidationError('filename is required', 'filename');
    const prefix = filename.split('_', 1)[0] ?? '';
    if (!UUID.test(prefix) || filename.length <= prefix.length + 1) throw new NotFoundError('File');
    return this.downloads.byName(principal, prefix.toLowerCase(), filename, req);
  }
}

function validChatId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(`${field} is required`, field);
  if (!UUID.test(value)) throw new NotFoundError('Chat');
  return value.toLowerCase();
}
