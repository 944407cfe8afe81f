import { Injectable, Logger } from '@nestjs/common';
import type { VisitorErasureDto } from '@satchel/contracts';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { toChatDto, toMessageDto } from '../chats/chat.mapper';
import { VisitorDataRepository, type OutsideCopy, type VisitorRows } from './visitor-data.repository';
import { createZip, zipPathOf, type ZipWriter } from './visitor-zip';

function outOfScope(copies: OutsideCopy[]): string[] {
  return copies.map((c) =>
    c.kind === 'export'
      ? `${c.count} file(s) exported to the account's S3 bucket`
      : c.kind === 'callback'
        ? `${c.count} file(s) delivered to the callback receiver ${c.target ?? ''}`.trim()
        : `${c.count} event(s) sent to ${c.target ?? 'the event URL'}`,
  );
}

/**
 * A visitor's data (GDPR access and erasure). The visitor is the person of one chat: their chat,
 * messages, files and the records about them. Export is a zip with a JSON manifest; erasure removes
 * rows, files and previews, and reports copies outside Satchel as out of scope. Both are audited.
 */
@Injectable()
export class VisitorDataService {
  private readonly log = new Logger('VisitorData');

  constructor(
    private readonly rows: VisitorDataRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The zip, streaming: the manifest first, then each stored file's bytes as they are read. */
  async export(ctx: ActorContext, chatId: string): Promise<{ zip: ZipWriter; fileName: string }> {
    const data = await this.load(ctx, chatId);
    const zip = await createZip();
    zip.append(JSON.stringify(this.manifest(data), null, 2), { name: 'manifest.json' });
    void this.appendFiles(zip, data);
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.visitorExport,
        outcome: 'success',
        chatId,
        details: { messages: data.messages.length, files: data.files.length },
      },
      true,
    );
    return { zip, fileName: `visitor-${chatId}.zip` };
  }

  async erase(ctx: ActorContext, chatId: string): Promise<VisitorErasureDto> {
    const data = await this.load(ctx, chatId);
    const ids = data.files.map((f) => f.id);
    const copies = await this.rows.outsideCopies(chatId, ids);
    const renditions = await this.rows.erase(chatId, ids);
    const live = data.files.filter((f) => !f.expiredAt);
    for (const key of [...live.map((f) => f.storageKey), ...renditions]) await this.objects.remove(key);
    const result: VisitorErasureDto = {
      chats: 1,
      messages: data.messages.length,
      files: data.files.length,
      bytes: live.reduce((n, f) => n + f.size, 0),
      outOfScope: outOfScope(copies),
    };
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.visitorErase, outcome: 'success', details: { chatId, ...result } },
      true,
    );
    return result;
  }

  private async load(ctx: ActorContext, chatId: string): Promise<VisitorRows> {
    const data = await this.rows.find(ctx.principal.accountId, chatId);
    if (!data) throw new NotFoundError('Chat');
    return data;
  }

  private manifest(data: VisitorRows) {
    return {
      exportedAt: new Date().toISOString(),
      visitor: { chatId: data.chat.id, name: data.chat.visitorName },
      chats: [toChatDto(data.chat)],
      messages: data.messages.map((m) => toMessageDto(m)),
      files: data.files.map((f) => ({
        id: f.id,
        messageId: f.messageId,
        name: f.name,
        size: f.size,
        contentType: f.contentType,
        sha256: f.sha256,
        uploadedBy: { role: f.uploadedByRole, name: f.uploadedByName },
        createdAt: f.createdAt.toISOString(),
        expiredAt: f.expiredAt?.toISOString() ?? null,
        path: f.expiredAt ? null : zipPathOf(f),
      })),
    };
  }

  /** One file at a time, so only one storage read is open; a failed read aborts the zip (the client sees a cut body). */
  private async appendFiles(zip: ZipWriter, data: VisitorRows): Promise<void> {
    try {
      for (const file of data.files) {
        if (file.expiredAt) continue;
        const body = await this.objects.read(file.storageKey);
        const done = new Promise<void>((ok) => zip.once('entry', () => ok()));
        zip.append(body, { name: zipPathOf(file), date: file.createdAt });
        await done;
      }
      await zip.finalize();
    } catch (err) {
      this.log.error(`Visitor export of chat ${data.chat.id} failed: ${(err as Error).message}`);
      zip.abort();
      zip.destroy(err as Error);
    }
  }
}
