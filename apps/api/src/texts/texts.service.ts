import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { StorageNotFoundError } from '../storage/storage.errors';
import { EXTRACT_LIMITS, extractableKind, extractText, UnreadableDocumentError } from './text-extractor';
import { TextsRepository } from './texts.repository';

/** Reads a stored file's bytes, up to the cap (a bigger stored file means the cap changed: skip). */
async function readCapped(body: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Text extraction after storing: PDF, DOCX and plain text into PostgreSQL full-text search. */
@Injectable()
export class TextsService {
  private readonly log = new Logger('Texts');

  constructor(
    private readonly texts: TextsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly objects: AttachmentObjectsRepository,
  ) {}

  /** Queues the extraction of a new file whose type has text to extract. */
  async track(attachmentId: string, contentType: string, size: number): Promise<void> {
    if (!extractableKind(contentType) || size > EXTRACT_LIMITS.maxBytes) return;
    await this.texts.enqueue(attachmentId);
  }

  async extract(attachmentId: string, lastTry: boolean): Promise<void> {
    const row = await this.attachments.findById(attachmentId);
    const kind = row && extractableKind(row.contentType);
    if (!row || !kind || row.expiredAt) return;
    try {
      const bytes = await readCapped(await this.objects.read(row.storageKey), EXTRACT_LIMITS.maxBytes);
      if (!bytes) {
        await this.texts.save(row.id, row.accountId, 'skipped', '', 'Larger than the extraction cap');
        return;
      }
      await this.texts.save(row.id, row.accountId, 'ready', await extractText(kind, bytes), null);
    } catch (err) {
      const permanent = err instanceof UnreadableDocumentError || err instanceof StorageNotFoundError;
      if (!permanent && !lastTry) throw err;
      const reason = (err as Error).message.slice(0, 500);
      this.log.warn(`Text of attachment ${attachmentId} not extracted: ${reason}`);
      await this.texts.save(row.id, row.accountId, 'failed', '', reason);
    }
  }
}
