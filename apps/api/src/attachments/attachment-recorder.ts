import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AttachmentDto } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext, type AuditContext } from '../audit/audit.service';
import { actorOf } from '../common/auth/principal';
import {
  EVENTS,
  type AttachmentCreatedEvent,
  type AttachmentDeletedEvent,
  type AttachmentInfectedEvent,
} from '../common/events/events';
import type { AttachmentEntity, AttachmentSource } from './attachment.entity';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentsRepository } from './attachments.repository';
import type { StagedFile } from './upload/file-stager';

export interface StoredUpload {
  file: StagedFile;
  key: string;
}

export interface RecordOptions {
  chatId: string | null;
  source: AttachmentSource;
  sourceUrl?: string;
  accessTokenRequired: boolean;
  /** The client's `Idempotency-Key`: stored per file so a retried request finds these rows. */
  idempotencyKey?: string;
  /** Seed 000's `user_id`: the end user the files belong to. */
  endUserId?: string;
  /** Seed 003's `channel` of a from-URL upload. */
  channel?: string;
  /** Whether the objects were written with encryption at rest. */
  encrypted?: boolean;
  /** Extra audit details (e.g. seed 001's session id). */
  details?: Record<string, unknown>;
}

/**
 * Turns stored objects into attachments: rows inserted together (objects removed if that fails),
 * then announced (`attachment.created`) and audited. Nothing is announced before it is stored.
 */
@Injectable()
export class AttachmentRecorder {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly presenter: AttachmentPresenter,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async record(ctx: ActorContext, uploads: StoredUpload[], opts: RecordOptions): Promise<AttachmentDto[]> {
    const principal = ctx.principal;
    const actor = actorOf(principal);
    const rows = await this.attachments
      .insertMany(
        uploads.map(({ file, key }, index) => ({
          accountId: principal.accountId,
          chatId: opts.chatId,
          name: file.name,
          extension: file.extension,
          size: file.size,
          contentType: file.contentType,
          sha256: file.sha256,
          storageDriver: this.objects.driver,
          storageKey: key,
          source: opts.source,
          sourceUrl: opts.sourceUrl ?? null,
          idempotencyKey: opts.idempotencyKey ?? null,
          idempotencyIndex: opts.idempotencyKey ? index : null,
          endUserId: opts.endUserId ?? null,
          channel: opts.channel ?? null,
          uploadedByRole: actor.role,
          uploadedById: actor.id,
          uploadedByName: actor.name,
          encrypted: opts.encrypted ?? false,
          scanStatus: file.trust?.scanStatus ?? null,
          scanSignature: file.trust?.signature ?? null,
          scannedAt:
            file.trust?.scanStatus === 'clean' || file.trust?.scanStatus === 'infected' ? new Date() : null,
          activeContent: file.trust?.activeContent ?? null,
        })),
      )
      .catch(async (err: unknown) => {
        await Promise.all(uploads.map((u) => this.objects.remove(u.key)));
        throw err;
      });
    const dtos = await this.presenter.present(principal.accountId, rows, {
      accessTokenRequired: opts.accessTokenRequired,
      withStatus: false,
    });
    for (const attachment of dtos) {
      // Quarantined files are never announced as created: no callback, export, preview or push.
      if (attachment.trust?.scan === 'infected') {
        await this.quarantined(ctx, attachment);
        continue;
      }
      // Announced by the `scans.upload` job once clamd found it clean.
      if (attachment.trust?.scan === 'scanning') continue;
      this.announce(principal.accountId, attachment);
    }
    await Promise.all(
      dtos.map((a) =>
        this.audit.record(ctx, {
          action: AUDIT_ACTIONS.upload,
          outcome: 'success',
          chatId: opts.chatId,
          attachmentId: a.id,
          details: {
            name: a.name,
            size: a.size,
            contentType: a.contentType,
            source: opts.source,
            ...opts.details,
          },
        }),
      ),
    );
    return dtos;
  }

  /** `attachment.created`: callbacks, exports, previews, push. */
  announce(accountId: string, attachment: AttachmentDto): void {
    this.events.emit(EVENTS.attachmentCreated, {
      accountId,
      chatId: attachment.chatId,
      attachment,
    } satisfies AttachmentCreatedEvent);
  }

  /** Announces and audits an infected file put in quarantine (at upload or by a rescan). */
  async quarantined(ctx: AuditContext, attachment: AttachmentDto): Promise<void> {
    const accountId = ctx.principal ? ctx.principal.accountId : ctx.accountId;
    this.events.emit(EVENTS.attachmentInfected, {
      accountId,
      chatId: attachment.chatId,
      attachment,
      signature: attachment.trust?.signature ?? '',
    } satisfies AttachmentInfectedEvent);
    await this.audit.record(ctx, {
      action: AUDIT_ACTIONS.quarantine,
      outcome: 'success',
      chatId: attachment.chatId,
      attachmentId: attachment.id,
      reason: `Malware found: ${attachment.trust?.signature ?? 'unknown'}`,
      details: { name: attachment.name, signature: attachment.trust?.signature },
    });
  }

  /** Removes attachments again (row first, then object) and announces `attachment.deleted`. */
  async retract(ids: string[]): Promise<void> {
    for (const id of ids) {
      const row = await this.attachments.findById(id);
      if (row) await this.remove(row);
    }
  }

  /** False when the row was already gone (deleted concurrently): nothing is removed or announced twice. */
  async remove(row: AttachmentEntity): Promise<boolean> {
    if (!(await this.attachments.delete(row.id))) return false;
    await this.objects.remove(row.storageKey);
    this.events.emit(EVENTS.attachmentDeleted, {
      accountId: row.accountId,
      chatId: row.chatId,
      attachmentId: row.id,
    } satisfies AttachmentDeletedEvent);
    return true;
  }

  /** Records a refused or failed upload with its reason. */
  async refused(
    ctx: ActorContext,
    chatId: string | null,
    err: unknown,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const reason = err instanceof Error ? err.message : String(err);
    const extra = (err as { extra?: Record<string, unknown> }).extra;
    await this.audit.record(ctx, {
      action: AUDIT_ACTIONS.upload,
      outcome: 'failure',
      reason,
      chatId,
      details: { ...extra, ...details },
    });
  }
}
