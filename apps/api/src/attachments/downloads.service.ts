import { Injectable, Logger } from '@nestjs/common';
import { isInlineSafe } from '@satchel/domain';
import { create as contentDisposition } from 'content-disposition';
import type { Readable } from 'node:stream';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type AuditContext } from '../audit/audit.service';
import { canAccessChat, type Principal } from '../common/auth/principal';
import { tokenFromHeader } from '../common/auth/token-header';
import {
  ConflictError,
  FileExpiredError,
  FileIntegrityError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
} from '../common/errors/domain-errors';
import { parseRange } from '../common/http/byte-range';
import { TokensService } from '../auth/tokens.service';
import { ChatsRepository } from '../chats/chats.repository';
import { StorageIntegrityError, StorageNotFoundError } from '../storage/storage.errors';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentLinks } from './attachment-links';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentsRepository } from './attachments.repository';

/** A preview shows an inline-safe file in a viewer; it is not a download and is not audited as one. */
export type DownloadPurpose = 'download' | 'preview';

export interface DownloadRequest {
  purpose?: DownloadPurpose;
  method: 'GET' | 'HEAD';
  ip: string | null;
  authorization?: string;
  sig?: string;
  range?: string;
  ifNoneMatch?: string;
  ifRange?: string;
}

export interface DownloadResponse {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  body?: Readable;
}

/** Who may see an attachment: the account's staff, or the visitor of its chat. */
export function canSeeAttachment(principal: Principal, attachment: AttachmentEntity): boolean {
  if (attachment.accountId !== principal.accountId) return false;
  return (
    principal.kind !== 'visitor' ||
    (attachment.chatId !== null &&
      canAccessChat(principal, { id: attachment.chatId, accountId: attachment.accountId }))
  );
}

/**
 * File bytes out: with a participant's token or a signed link; `HEAD`, single `Range` (206/416),
 * `ETag`/`If-None-Match` (304); served with the detected type, `nosniff`, `CSP: sandbox` and
 * `Content-Disposition: attachment` unless the type is safe inline (raster images, PDF).
 */
@Injectable()
export class DownloadsService {
  private readonly log = new Logger('Downloads');

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly chats: ChatsRepository,
    private readonly links: AttachmentLinks,
    private readonly tokens: TokensService,
    private readonly settings: UploadSettingsService,
    private readonly audit: AuditService,
  ) {}

  /** `GET|HEAD /v1/attachments/:id/content`. */
  async content(id: string, req: DownloadRequest): Promise<DownloadResponse> {
    const { row, ctx } = await this.authorize(id, req);
    return this.serve(row, req, ctx);
  }

  /**
   * Who may read an attachment's bytes (or its previews): a participant's token, or a valid signed
   * link (a refused link is audited). Throws 401/403/404 otherwise.
   */
  async authorize(id: string, req: DownloadRequest): Promise<{ row: AttachmentEntity; ctx: AuditContext }> {
    if (req.sig !== undefined) return this.byLink(id, req.sig, req);
    const raw = tokenFromHeader(req.authorization);
    const principal = raw ? await this.tokens.authenticate(raw) : null;
    if (!principal) throw new UnauthorizedError();
    const row = await this.attachments.findInAccount(principal.accountId, id);
    if (!row || !canSeeAttachment(principal, row)) throw new NotFoundError('Attachment');
    return { row, ctx: { principal, ip: req.ip } };
  }

  /** `GET|HEAD /v1/chats/:chatId/files/:name` (seed 003's download by file name). */
  async byName(
    principal: Principal,
    chatId: string,
    name: string,
    req: DownloadRequest,
  ): Promise<DownloadResponse> {
    const chat = await this.chats.findInAccount(principal.accountId, chatId);
    if (!chat || !canAccessChat(principal, chat)) throw new NotFoundError('Chat');
    const row = await this.attachments.findByName(chat.id, name);
    if (!row) throw new NotFoundError('File');
    return this.serve(row, req, { principal, ip: req.ip });
  }

  private async byLink(
    id: string,
    sig: string,
    req: DownloadRequest,
  ): Promise<{ row: AttachmentEntity; ctx: AuditContext }> {
    const row = await this.attachments.findById(id);
    if (!row) throw new NotFoundError('Attachment');
    const ctx: AuditContext = { principal: null, accountId: row.accountId, ip: req.ip };
    const check = this.links.check(id, sig);
    let refusal = check.ok ? null : check.reason;
    if (check.ok && check.permanent && (await this.settings.get(row.accountId)).accessTokenRequired) {
      refusal = 'This download link is no longer valid: the account requires a token';
    }
    if (refusal) {
      await this.audit.record(ctx, {
        action: AUDIT_ACTIONS.download,
        outcome: 'failure',
        reason: refusal,
        chatId: row.chatId,
        attachmentId: row.id,
      });
      throw new ForbiddenError(refusal, { code: 'DOWNLOAD_LINK_INVALID' });
    }
    return { row, ctx };
  }

  private async serve(
    row: AttachmentEntity,
    req: DownloadRequest,
    ctx: AuditContext,
  ): Promise<DownloadResponse> {
    if (row.expiredAt) throw new FileExpiredError(row.expiredAt);
    refuseQuarantined(row);
    const etag = `"${row.sha256}"`;
    const headers: Record<string, string> = {
      'Content-Type': row.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Content-Disposition': contentDisposition(row.name, {
        // Active content (PDF JavaScript, macros) kept by the account's policy is never shown inline.
        type: isInlineSafe(row.contentType) && !row.activeContent ? 'inline' : 'attachment',
      }),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, no-cache',
      'Last-Modified': row.createdAt.toUTCString(),
      ETag: etag,
    };
    if (matchesEtag(req.ifNoneMatch, etag)) return { status: 304, headers };
    const wanted =
      req.ifRange === undefined || req.ifRange === etag
        ? parseRange(req.range, row.size)
        : ({ kind: 'full' } as const);
    if (wanted.kind === 'unsatisfiable')
      return { status: 416, headers: { 'Content-Range': `bytes */${row.size}` } };
    const range = wanted.kind === 'partial' ? wanted.range : undefined;
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${row.size}`;
    headers['Content-Length'] = String(range ? range.end - range.start + 1 : row.size);
    const status = range ? 206 : 200;
    if (req.method === 'HEAD') return { status, headers };
    const body = await this.open(row, range);
    // Previews of inline-safe files (thumbnails, viewers) are not downloads: they would drown the
    // audit log. Anything else asked as a "preview" is still a download.
    const preview = req.purpose === 'preview' && isInlineSafe(row.contentType);
    // One audit event per download, not per chunk a player or resumer asks for later.
    if (!preview && (!range || range.start === 0)) {
      await this.audit.record(ctx, {
        action: AUDIT_ACTIONS.download,
        outcome: 'success',
        chatId: row.chatId,
        attachmentId: row.id,
        details: range ? { range: headers['Content-Range'] } : undefined,
      });
    }
    return { status, headers, body };
  }

  private async open(row: AttachmentEntity, range?: { start: number; end: number }): Promise<Readable> {
    try {
      return await this.objects.read(row.storageKey, range);
    } catch (err) {
      if (err instanceof StorageIntegrityError) {
        this.log.error(err.message);
        throw new FileIntegrityError();
      }
      if (!(err instanceof StorageNotFoundError)) throw err;
      this.log.error(`Attachment ${row.id} has no object at ${row.storageKey}`);
      throw new NotFoundError('File content');
    }
  }
}

/**
 * Infected files stay in quarantine: `403 FILE_QUARANTINED` with the signature found. A file still
 * waiting for its verdict is not served either: `409 FILE_SCANNING`.
 */
export function refuseQuarantined(row: AttachmentEntity): void {
  if (row.scanStatus === 'scanning')
    throw new ConflictError('This file is still being scanned for malware; try again in a moment', {
      code: 'FILE_SCANNING',
    });
  if (row.scanStatus !== 'infected') return;
  throw new ForbiddenError(
    `This file is quarantined: the malware scanner found ${row.scanSignature ?? 'a threat'} in it`,
    { code: 'FILE_QUARANTINED', reason: 'malware', signature: row.scanSignature },
  );
}

export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
