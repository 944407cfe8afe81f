import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type AuditContext } from '../audit/audit.service';
import { EVENTS, type AttachmentDeletedEvent, type AttachmentExpiredEvent } from '../common/events/events';
import { RetentionRepository, type RetentionFile } from './retention.repository';

/** Why a file went; recorded in the audit log and on the tombstone. */
export type RemovalReason = 'retention' | 'unused' | 'admin' | 'missing-object' | 'visitor-erasure';

/**
 * Removes the bytes of files already claimed (tombstoned or deleted rows): the object, its preview
 * renditions and their rows, through the configured storage driver. Announces and audits each.
 */
@Injectable()
export class FileRemover {
  constructor(
    private readonly rows: RetentionRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /** `tombstoned`: the rows stay (expired); otherwise they were deleted. */
  async purge(
    files: RetentionFile[],
    reason: RemovalReason,
    opts: { tombstoned: boolean; ctx?: AuditContext },
  ): Promise<void> {
    if (!files.length) return;
    const renditions = await this.rows.takePreviews(files.map((f) => f.id));
    for (const key of [...files.map((f) => f.storageKey), ...renditions]) await this.objects.remove(key);
    for (const file of files) {
      this.announce(file, reason, opts.tombstoned);
      const ctx = opts.ctx ?? { principal: null, accountId: file.accountId, ip: null, system: true };
      await this.audit.record(
        ctx,
        {
          action: AUDIT_ACTIONS.retentionRemove,
          outcome: 'success',
          reason,
          chatId: file.chatId,
          attachmentId: file.id,
          details: { name: file.name, size: file.size, tombstone: opts.tombstoned },
        },
        true,
      );
    }
  }

  private announce(file: RetentionFile, reason: RemovalReason, tombstoned: boolean): void {
    if (tombstoned) {
      this.events.emit(EVENTS.attachmentExpired, {
        accountId: file.accountId,
        chatId: file.chatId,
        attachmentId: file.id,
        name: file.name,
        size: file.size,
        expiredAt: (file.expiredAt ?? new Date()).toISOString(),
        reason,
      } satisfies AttachmentExpiredEvent);
    } else {
      this.events.emit(EVENTS.attachmentDeleted, {
        accountId: file.accountId,
        chatId: file.chatId,
        attachmentId: file.id,
      } satisfies AttachmentDeletedEvent);
    }
  }
}
