import { Injectable, Logger } from '@nestjs/common';
import type { FromUrlUploadResponse } from '@satchel/contracts';
import { extensionForMime, extensionOf, sanitizeDisplayName } from '@satchel/domain';
import type { ActorContext } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-errors';
import { OutboundHttpService } from '../outbound/outbound-http.service';
import {
  OutboundBlockedError,
  OutboundTimeoutError,
  type OutboundResponse,
} from '../outbound/outbound.types';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentRecorder } from './attachment-recorder';
import type { FromUrlUploadDto } from './dto/from-url.dto';
import { authorizationFor, OAuthTokenError } from './from-url-oauth';
import { chatObjectKey } from './storage-keys';
import { storageSink } from './upload/file-sink';
import { StorageQuotaService } from '../upload-settings/storage-quota.service';
import { FileStager } from './upload/file-stager';
import { ruleError } from './upload/upload-errors';
import { UploadsService } from './uploads.service';

export const FROM_URL_FAILURE = 'An error occurred while uploading file.';

/** Seed 003's failure body: `{"error": <reason>, "message": "An error occurred while uploading file."}`. */
export class FromUrlError extends DomainError {
  constructor(
    readonly status: number,
    reason: string,
    extra: Record<string, unknown> = {},
  ) {
    super(reason, { message: FROM_URL_FAILURE, ...extra });
  }
}

/**
 * Seed 003, upload from a URL: fetched only through the SSRF guard (`OutboundHttpService`), then the
 * same checks as any upload (the uploader's rule, magic bytes, size while streaming). The stored
 * name is `<chatId>_<fileName>`; `fileName` defaults to the URL's last path segment.
 */
@Injectable()
export class FromUrlService {
  private readonly log = new Logger('FromUrl');

  constructor(
    private readonly uploads: UploadsService,
    private readonly outbound: OutboundHttpService,
    private readonly stager: FileStager,
    private readonly objects: AttachmentObjectsRepository,
    private readonly recorder: AttachmentRecorder,
    private readonly quotas: StorageQuotaService,
  ) {}

  async upload(ctx: ActorContext, chatId: string, dto: FromUrlUploadDto): Promise<FromUrlUploadResponse> {
    try {
      return await this.uploads.refusalsAudited(ctx, chatId, () => this.fetchAndStore(ctx, chatId, dto));
    } catch (err) {
      throw this.asFailure(err);
    }
  }

  private async fetchAndStore(
    ctx: ActorContext,
    chatId: string,
    dto: FromUrlUploadDto,
  ): Promise<FromUrlUploadResponse> {
    const target = await this.uploads.target(ctx.principal, chatId);
    const res = await this.outbound.request({
      method: 'GET',
      url: dto.sourceUrl,
      headers: await this.sourceHeaders(dto),
    });
    const base = fileNameFor(dto, res);
    const name = sanitizeDisplayName(`${chatId}_${base}`);
    if (res.status < 200 || res.status > 299) {
      res.body.resume();
      throw new FromUrlError(422, `the source answered HTTP ${res.status}`, { code: 'SOURCE_UNAVAILABLE' });
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > target.rule.maxSizeBytes) {
      res.body.destroy();
      throw ruleError(
        { code: 'size', message: `${name}: file is larger than the limit of ${target.rule.maxSizeKb} KB` },
        name,
        target.rule.maxSizeKb,
      );
    }
    const budget = await this.quotas.budget(ctx.principal.accountId).catch((err: unknown) => {
      res.body.destroy();
      throw err;
    });
    const file = await this.stager
      .stage(
        { filename: name, stream: res.body },
        target.rule,
        () => storageSink(this.objects, chatObjectKey(ctx.principal.accountId, chatId), target.trust.encrypt),
        { bytes: budget.bytes, exceeded: () => budget.exceeded() },
        target.trust.checks,
      )
      .catch((err: unknown) => {
        // Refused before (or while) reading: close the source connection now, not at the time cap.
        res.body.destroy();
        throw err;
      });
    const [stored] = await this.recorder.record(ctx, [{ file, key: file.sink.key }], {
      chatId,
      source: 'url',
      sourceUrl: dto.sourceUrl,
      accessTokenRequired: target.accessTokenRequired,
      channel: dto.channel,
      encrypted: target.trust.encrypt,
    });
    if (!stored) throw new Error('recorded no attachment');
    return {
      message: 'File uploaded successfully.',
      etag: `"${stored.sha256}"`,
      name: stored.name,
      type: stored.contentType,
      size: stored.size,
      id: stored.id,
    };
  }

  /** The seed's credentials for the source: `oauth` as `Authorization`, `APIKey360` as `D360-API-KEY`. */
  private async sourceHeaders(dto: FromUrlUploadDto): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: '*/*', 'user-agent': 'Satchel' };
    if (dto.oauth) headers['authorization'] = await authorizationFor(this.outbound, dto.oauth);
    if (dto.APIKey360) headers['D360-API-KEY'] = dto.APIKey360;
    return headers;
  }

  private asFailure(err: unknown): FromUrlError {
    if (err instanceof FromUrlError) return err;
    if (err instanceof OAuthTokenError) {
      const code = err.status === 400 ? 'OUTBOUND_URL_BLOCKED' : 'SOURCE_UNAVAILABLE';
      return new FromUrlError(err.status, `oauth: ${err.reason}`, { code });
    }
    if (err instanceof DomainError) return new FromUrlError(err.status, err.message, err.extra);
    if (err instanceof OutboundBlockedError)
      return new FromUrlError(400, `sourceUrl is not allowed: ${err.reason}`, {
        code: 'OUTBOUND_URL_BLOCKED',
      });
    if (err instanceof OutboundTimeoutError)
      return new FromUrlError(422, `fetching sourceUrl timed out after ${err.timeoutMs} ms`, {
        code: 'SOURCE_UNAVAILABLE',
      });
    const code = (err as NodeJS.ErrnoException).code;
    if (code)
      return new FromUrlError(422, `could not fetch sourceUrl (${code})`, { code: 'SOURCE_UNAVAILABLE' });
    this.log.error('from-URL upload failed', (err as Error).stack);
    return new FromUrlError(500, 'Internal server error');
  }
}

/** The name asked for, else the URL's last path segment; an extension from the MIME hint if it has none. */
function fileNameFor(dto: FromUrlUploadDto, res: OutboundResponse): string {
  const fromUrl = decodeSegment(new URL(res.url).pathname.split('/').pop() ?? '');
  const name = sanitizeDisplayName(dto.fileName?.trim() || fromUrl || 'file');
  if (extensionOf(name)) return name;
  const hint =
    dto.mimeType ??
    dto.mime_type ??
    (typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : '');
  const ext = extensionForMime(hint);
  return ext ? `${name}.${ext}` : name;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
