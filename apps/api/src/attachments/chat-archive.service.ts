import { Injectable, Logger } from '@nestjs/common';
import { CHAT_FILES_LIMIT, type ChatFilesResponse } from '@satchel/contracts';
import { create as contentDisposition } from 'content-disposition';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { canAccessChat } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { ChatsRepository } from '../chats/chats.repository';
import { createZip, type ZipWriter } from '../visitor-data/visitor-zip';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentPresenter } from './attachment-presenter';
import { ChatFilesRepository } from './chat-files.repository';
import { zipEntryNames } from './zip-entry-names';

/** Files read from the database per query while a zip streams. */
const BATCH = 200;

/** Formats that deflate would only slow down: stored as they are. */
const COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|avif|heic|heif)|video\/|audio\/|application\/(pdf|zip|gzip|x-7z|vnd\.openxmlformats|vnd\.rar))/;

/** In the zip: neither quarantined nor expired. */
const inArchive = (f: AttachmentEntity) => !f.expiredAt && f.scanStatus !== 'infected';

export interface ChatArchive {
  zip: ZipWriter;
  contentDisposition: string;
}

/**
 * A conversation's files for the console's Files tab, and all of them as one zip streamed from
 * storage (decrypted on the way, one file open at a time, never a whole file in memory).
 * Quarantined and expired files are listed but never put in the zip.
 */
@Injectable()
export class ChatArchiveService {
  private readonly log = new Logger('ChatArchive');

  constructor(
    private readonly chats: ChatsRepository,
    private readonly files: ChatFilesRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly presenter: AttachmentPresenter,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: ActorContext, chatId: string): Promise<ChatFilesResponse> {
    await this.chatOf(ctx, chatId);
    const rows = await this.files.page(chatId, CHAT_FILES_LIMIT + 1);
    return {
      items: await this.presenter.present(ctx.principal.accountId, rows.slice(0, CHAT_FILES_LIMIT)),
      archive: await this.files.archiveSize(chatId),
      truncated: rows.length > CHAT_FILES_LIMIT,
    };
  }

  /** The zip starts streaming at once; the download is audited with its counts before the first byte. */
  async archive(ctx: ActorContext, chatId: string): Promise<ChatArchive> {
    const chat = await this.chatOf(ctx, chatId);
    const size = await this.files.archiveSize(chatId);
    await this.audit.record(ctx, {
      action: AUDIT_ACTIONS.chatFilesDownload,
      outcome: 'success',
      chatId,
      details: size,
    });
    const zip = await createZip();
    void this.appendAll(zip, chatId);
    const name = `${chat.visitorName || 'chat'} files.zip`.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
    return { zip, contentDisposition: contentDisposition(name) };
  }

  private async chatOf(ctx: ActorContext, chatId: string) {
    const chat = await this.chats.findInAccount(ctx.principal.accountId, chatId);
    if (!chat || !canAccessChat(ctx.principal, chat)) throw new NotFoundError('Chat');
    return chat;
  }

  /** Batch by batch from the database, file by file from storage; a failed read cuts the zip short. */
  private async appendAll(zip: ZipWriter, chatId: string): Promise<void> {
    const names = zipEntryNames();
    try {
      for (let after: AttachmentEntity | undefined; ;) {
        const rows = await this.files.page(chatId, BATCH, after);
        for (const file of rows.filter(inArchive)) await this.appendOne(zip, file, names(file.name));
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1];
      }
      await zip.finalize();
    } catch (err) {
      this.log.error(`The zip of chat ${chatId} failed: ${(err as Error).message}`);
      zip.abort();
      zip.destroy(err as Error);
    }
  }

  private async appendOne(zip: ZipWriter, file: AttachmentEntity, name: string): Promise<void> {
    const body = await this.objects.read(file.storageKey);
    const done = new Promise<void>((ok, fail) => {
      zip.once('entry', () => ok());
      body.once('error', fail);
    });
    zip.append(body, { name, date: file.createdAt, store: COMPRESSED.test(file.contentType) });
    await done;
  }
}
