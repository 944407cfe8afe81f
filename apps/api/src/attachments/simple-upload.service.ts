import { Inject, Injectable } from '@nestjs/common';
import type { SimpleUploadResponse } from '@satchel/contracts';
import type { Request } from 'express';
import type { ActorContext } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import {
  BadRequestError,
  ForbiddenError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { StorageQuotaService } from '../upload-settings/storage-quota.service';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import { AttachmentObjectsRepository } from './attachment-objects.repository';
import { AttachmentRecorder } from './attachment-recorder';
import { simpleUploadKey, SESSION_ID } from './storage-keys';
import { TrustPolicy } from './trust-policy';
import { SpoolSink, storageSink, type FileSink } from './upload/file-sink';
import { isMultipart } from './upload/multipart-reader';
import { UploadReceiver } from './upload/upload-receiver';
import { spoolDir } from './upload/temp-dirs';

const FILE_REQUIRED = 'file is required';

type SimpleUploadSink = FileSink & ({ key: string } | SpoolSink);

/**
 * One file in, its URL out (the seed 001 contract), `POST /v1/chat/upload/`: one `file` (+ optional
 * `session_id`) by an admin or account token, stored under `chat/session-{id}/`, `chat/store-{account}/`,
 * `chat/admin-{user}/` or `chat/general/`. Errors exactly as the seed: "file is required", "Unsupported
 * file type" (any type or content refusal), "Unauthorized". A file whose `session_id` comes after it in
 * the form is spooled to a local temp file (still streamed and checked) and moved to its key at the end.
 */
@Injectable()
export class SimpleUploadService {
  constructor(
    private readonly receiver: UploadReceiver,
    private readonly recorder: AttachmentRecorder,
    private readonly objects: AttachmentObjectsRepository,
    private readonly settings: UploadSettingsService,
    private readonly quotas: StorageQuotaService,
    private readonly trust: TrustPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(ctx: ActorContext, req: Request): Promise<SimpleUploadResponse> {
    const principal = ctx.principal;
    if (principal.kind === 'visitor') throw new UnauthorizedError();
    try {
      if (!isMultipart(req)) throw new ValidationError(FILE_REQUIRED);
      const { rule, accessTokenRequired } = await this.settings.forUploader(principal);
      const trust = await this.trust.forAccount(principal.accountId);
      if (!rule.enabled) throw new ForbiddenError('File uploads are disabled for operators');
      const received = await this.receiver.receive<SimpleUploadSink>(req, {
        fileField: 'file',
        rule,
        maxFiles: 1,
        budget: await this.quotas.budget(principal.accountId),
        sinkFor: (ext, fields) => {
          const sessionId = fields.get('session_id');
          if (sessionId === undefined) return new SpoolSink(spoolDir(this.config));
          return storageSink(
            this.objects,
            simpleUploadKey(principal, validSessionId(sessionId), ext),
            trust.encrypt,
          );
        },
        checks: trust.checks,
      });
      const file = received.files[0];
      if (!file) throw new ValidationError(FILE_REQUIRED);
      const sessionId = received.fields.get('session_id');
      let key: string;
      if (file.sink instanceof SpoolSink) {
        key = await this.commitSpooled(principal, file.sink, sessionId, file.extension, trust.encrypt);
      } else {
        key = file.sink.key;
      }
      const [dto] = await this.recorder.record(ctx, [{ file, key }], {
        chatId: null,
        source: 'seed-upload',
        accessTokenRequired,
        encrypted: trust.encrypt,
        details: sessionId ? { sessionId } : undefined,
      });
      return { url: dto?.url ?? '', type: file.contentType };
    } catch (err) {
      await this.recorder.refused(ctx, null, err);
      throw err instanceof UnsupportedMediaTypeError ? new BadRequestError('Unsupported file type') : err;
    }
  }

  /** Moves a spooled file to its final key, now that every form field is known. */
  private async commitSpooled(
    principal: Principal,
    sink: SpoolSink,
    sessionId: string | undefined,
    ext: string,
    encrypt: boolean,
  ): Promise<string> {
    let key: string;
    try {
      key = simpleUploadKey(principal, sessionId === undefined ? undefined : validSessionId(sessionId), ext);
    } catch (err) {
      await sink.discard();
      throw err;
    }
    await sink.commit(this.objects, key, encrypt);
    return key;
  }
}

function validSessionId(value: string): string | undefined {
  if (value === '') return undefined;
  if (SESSION_ID.test(value)) return value;
  throw new ValidationError('session_id must be 1-64 letters, digits, "-" or "_"', 'session_id');
}
