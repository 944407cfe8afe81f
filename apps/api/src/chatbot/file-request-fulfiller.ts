import { Injectable } from '@nestjs/common';
import type { AttachmentDto } from '@satchel/contracts';
import { isUUID } from 'class-validator';
import type { Principal } from '../common/auth/principal';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-errors';
import type { FileRequestsPort } from '../chats/file-requests.port';
import { assertFilesMatchRequest } from './file-request-rule';
import { FileRequestsRepository } from './file-requests.repository';

/** Fulfils a file request inside the transaction of the message that carries the files (the `FILE_REQUESTS` port). */
@Injectable()
export class FileRequestFulfiller implements FileRequestsPort {
  constructor(private readonly requests: FileRequestsRepository) {}

  async fulfil(
    principal: Principal,
    chatId: string,
    requestId: string,
    messageId: string,
    files: AttachmentDto[],
  ): Promise<void> {
    const request = isUUID(requestId)
      ? await this.requests.lock(principal.accountId, chatId, requestId)
      : null;
    if (!request) throw new NotFoundError('File request', { field: 'fileRequestId' });
    if (request.status !== 'open')
      throw new ConflictError(`This file request is already ${request.status}`, { field: 'fileRequestId' });
    if (files.length === 0)
      throw new ValidationError('Attach at least one file to answer a file request', 'attachmentIds');
    assertFilesMatchRequest(request, files);
    await this.requests.resolve(request.id, 'fulfilled', messageId);
  }
}
