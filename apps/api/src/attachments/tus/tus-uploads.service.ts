import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { AttachmentDto } from '@satchel/contracts';
import { checkFileAgainstRule, sanitizeDisplayName, sizeViolation } from '@satchel/domain';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../../audit/audit.service';
import { actorOf, canAccessChat, type Principal } from '../../common/auth/principal';
import { DomainError, NotFoundError, ValidationError } from '../../common/errors/domain-errors';
import { CHAT_MESSAGES, type ChatMessagesPort } from '../chat-messages.port';
import { MAX_MESSAGE_LENGTH } from '../../chats/dto/chat.dto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { REDIS } from '../../redis/redis.module';
import { StorageQuotaService } from '../../upload-settings/storage-quota.service';
import { AttachmentObjectsRepository } from '../attachment-objects.repository';
import { AttachmentRecorder } from '../attachment-recorder';
import { ScanJobsRepository } from '../scan-jobs.repository';
import { chatObjectKey } from '../storage-keys';
import { storageSink } from '../upload/file-sink';
import { FileStager } from '../upload/file-stager';
import { ruleError } from '../upload/upload-errors';
import { UploadsService } from '../uploads.service';
import { isUniqueViolation } from '../upload/idempotency-key';
import { checkedFileStore } from './checked-file-store';
import { checkedS3Store } from './checked-s3-store';
import { RedisLocker } from './redis-locker';
import type { StagingStore } from './staging-store';
import { TusActorsRepository } from './tus-actors.repository';
import { asTusError } from './tus-errors';
import { tusCreationOf } from './tus-metadata';
import { CHECKSUM_ALGORITHMS } from './upload-checksum';
import { loadTus, type Server, type Upload } from './tus-modules';

export const TUS_PATH = '/v1/uploads';
/** Server-owned metadata: who created the upload (a client cannot set it, creation overwrites it). */
const OWNER = 'satchelOwner';
const LOCK_TTL_MS = 10_000;
/** A completed upload not recorded this long after its last byte lost its process (or its answer). */
const STRANDED_AFTER_MS = 2 * LOCK_TTL_MS;

type FinishReply = { status_code: number; body: string; headers: Record<string, string> };

/**
 * Resumable uploads (tus 1.0) at `/v1/uploads`. Creation is checked against the uploader's rule
 * like any upload; the first chunk's magic bytes are checked by the store; the completed file goes
 * through the same stager (rule, content, size, sha256, generated key) and recorder (row, event,
 * audit) as a multipart upload, then its staged part is removed. Parts are staged on local disk,
 * or as an S3 multipart upload under `.tus/` with STORAGE_DRIVER=s3.
 */
@Injectable()
export class TusUploadsService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('TusUploads');
  private readonly actors = new AsyncLocalStorage<ActorContext>();
  private readonly checksums = new AsyncLocalStorage<string | undefined>();
  private store!: StagingStore;
  private server!: Server;
  private finishing!: RedisLocker;
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly uploads: UploadsService,
    private readonly stager: FileStager,
    private readonly recorder: AttachmentRecorder,
    private readonly objects: AttachmentObjectsRepository,
    private readonly quotas: StorageQuotaService,
    private readonly actorsOfUploads: TusActorsRepository,
    private readonly scanJobs: ScanJobsRepository,
    @Inject(CHAT_MESSAGES) private readonly chatsService: ChatMessagesPort,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const tus = await loadTus();
    this.store = await this.stagingStore();
    const locks = (name: string, acquireTimeoutMs: number) =>
      new RedisLocker(this.redis, {
        prefix: `${this.config.redis.queuePrefix}:${name}:`,
        ttlMs: LOCK_TTL_MS,
        acquireTimeoutMs,
      });
    this.finishing = locks('tus-finish', 2 * LOCK_TTL_MS);
    this.server = new tus.Server({
      path: TUS_PATH,
      datastore: this.store,
      relativeLocation: true,
      // The app's CORS layer answers for origins; tus only adds its exposed headers.
      allowedOrigins: () => false,
      // Ids in paths are UUIDs throughout the API (a global check refuses others).
      namingFunction: () => randomUUID(),
      maxSize: this.config.uploads.maxSizeKb * 1024,
      locker: locks('tus-lock', 2 * LOCK_TTL_MS),
      onUploadCreate: async (_req, upload) => {
        const ctx = this.actorNow();
        await this.actorsOfUploads.save(upload.id, ctx);
        return { metadata: { ...upload.metadata, [OWNER]: ownerOf(ctx.principal) } };
      },
      onUploadFinish: async (_req, upload) => this.finish(this.actorNow(), upload),
    });
    const sweepMs = this.config.tus.sweepIntervalSeconds * 1000;
    this.sweepTimer = setInterval(() => void this.sweep(), sweepMs);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /** POST: the uploader's rule, the declared length and the chat are checked before anything is created. */
  async create(ctx: ActorContext, req: Request, res: Response): Promise<void> {
    await this.uploads.refusalsAudited(ctx, null, async () => {
      const c = tusCreationOf(req.headers);
      const target = await this.uploads.target(ctx.principal, c.chatId);
      const name = sanitizeDisplayName(c.filename);
      const rule = target.rule;
      const violation =
        checkFileAgainstRule(rule, { name }, rule.role) ??
        (c.length > rule.maxSizeBytes ? sizeViolation(name, rule) : null);
      if (violation) throw ruleError(violation, name, rule.maxSizeKb, rule);
      if ((c.messageText ?? '').length > MAX_MESSAGE_LENGTH)
        throw new ValidationError(
          `messageText must be at most ${MAX_MESSAGE_LENGTH} characters`,
          'messageText',
        );
      const budget = await this.quotas.budget(ctx.principal.accountId);
      if (c.length > budget.bytes) throw budget.exceeded();
    });
    await this.handle(ctx, req, res);
  }

  /** HEAD, PATCH, DELETE of an existing upload: only its creator reaches it; others get 404. */
  async resume(ctx: ActorContext, id: string, req: Request, res: Response): Promise<void> {
    const upload = await this.store.getUpload(id).catch(() => null);
    if (upload && upload.metadata?.[OWNER] !== ownerOf(ctx.principal)) throw new NotFoundError('Upload');
    if (
      upload &&
      !canAccessChat(ctx.principal, {
        id: upload.metadata?.['chatId'] ?? '',
        accountId: ctx.principal.accountId,
      })
    )
      throw new NotFoundError('Upload');
    await this.handle(ctx, req, res);
  }

  /**
   * Removes incomplete uploads past their expiry (parts on disk, S3 multipart uploads aborted), then
   * finishes completed uploads whose process died before recording them. Never throws.
   */
  async sweep(): Promise<number> {
    try {
      const removed = await this.server.cleanUpExpiredUploads();
      if (removed) this.log.log(`Removed ${removed} expired incomplete upload(s)`);
      const cutoff = new Date(Date.now() - STRANDED_AFTER_MS);
      for (const id of await this.store.completedBefore(cutoff)) await this.finishStranded(id);
      return removed;
    } catch (err) {
      this.log.warn(`tus sweep failed: ${(err as Error).message}`);
      return 0;
    }
  }

  private async stagingStore(): Promise<StagingStore> {
    const expirationPeriodInMilliseconds = this.config.tus.expirySeconds * 1000;
    const checksumOf = () => this.checksums.getStore();
    const { driver, s3 } = this.config.storage;
    if (driver === 's3' && s3.bucket)
      return checkedS3Store(
        { s3: { ...s3, bucket: s3.bucket }, expirationPeriodInMilliseconds, spoolDir: this.config.tus.dir },
        checksumOf,
      );
    const tus = await loadTus();
    return checkedFileStore(
      tus,
      { directory: this.config.tus.dir, expirationPeriodInMilliseconds },
      checksumOf,
    );
  }

  /** Records (or, with its creator unknown or refused, discards) a completed upload nobody finished. */
  private async finishStranded(id: string): Promise<void> {
    const ctx = await this.actorsOfUploads.find(id);
    const upload = await this.store.getUpload(id).catch(() => null);
    if (!upload) return;
    if (!ctx) {
      this.log.warn(`Discarding completed upload ${id}: its creator is no longer known`);
      await this.store.remove(id).catch(() => undefined);
      return;
    }
    try {
      await this.finish(ctx, upload, 0);
      this.log.log(`Recorded completed upload ${id} left behind by a stopped process`);
    } catch (err) {
      this.log.warn(`Completed upload ${id} not recorded yet: ${(err as Error).message}`);
    }
  }

  private handle(ctx: ActorContext, req: Request, res: Response): Promise<void> {
    res.setHeader('Tus-Checksum-Algorithm', CHECKSUM_ALGORITHMS.join(','));
    const checksum = req.header('upload-checksum');
    return this.actors.run(ctx, () => this.checksums.run(checksum, () => this.server.handle(req, res)));
  }

  private actorNow(): ActorContext {
    const ctx = this.actors.getStore();
    if (!ctx) throw new Error('tus request outside an authenticated context');
    return ctx;
  }

  /**
   * One completion path, for the last PATCH and for the sweep: under a lock shared by every API
   * process, so one of them records the upload, once (`tus:<id>` is its idempotency key).
   */
  private async finish(ctx: ActorContext, upload: Upload, waitMs = 2 * LOCK_TTL_MS): Promise<FinishReply> {
    const lock = this.finishing.newLock(upload.id);
    await lock.lock(AbortSignal.timeout(waitMs + 1), () => undefined);
    try {
      const dtos = await this.uploads.refusalsAudited(ctx, upload.metadata?.['chatId'] ?? null, () =>
        this.record(ctx, upload),
      );
      await this.discard(upload.id);
      const body = JSON.stringify(dtos[0]);
      return { status_code: 200, body, headers: { 'Content-Type': 'application/json' } };
    } catch (err) {
      // A refusal (rule changed, quota full) keeps nothing; an outage keeps the part for a retry.
      if (err instanceof DomainError) await this.discard(upload.id);
      throw asTusError(err);
    } finally {
      await lock.unlock();
    }
  }

  private async discard(id: string): Promise<void> {
    await this.store.remove(id).catch(() => undefined);
    await this.actorsOfUploads.forget(id).catch(() => undefined);
  }

  private async record(ctx: ActorContext, upload: Upload): Promise<AttachmentDto[]> {
    const meta = upload.metadata ?? {};
    const chatId = meta['chatId'] ?? '';
    const target = await this.uploads.target(ctx.principal, chatId);
    const idempotencyKey = `tus:${upload.id}`;
    // Recorded already by a process that stopped before removing the part.
    const earlier = await this.uploads.storedUnder(target, idempotencyKey);
    if (earlier.length) return earlier;
    const budget = await this.quotas.budget(ctx.principal.accountId);
    const key = chatObjectKey(ctx.principal.accountId, chatId);
    // The same active-content check and encryption as a multipart upload. The malware scan of a
    // large file takes a while: the file is stored `scanning` and the `scans.upload` job scans it.
    const { openScan, ...checks } = target.trust.checks;
    const file = await this.stager.stage(
      { filename: meta['filename'] ?? '', stream: await this.store.openRead(upload.id) },
      target.rule,
      () => storageSink(this.objects, key, target.trust.encrypt),
      { bytes: budget.bytes, exceeded: () => budget.exceeded() },
      checks,
    );
    if (openScan && file.trust) file.trust = { ...file.trust, scanStatus: 'scanning' };
    let recordedHere = true;
    const dtos = await this.recorder
      .record(ctx, [{ file, key }], {
        chatId,
        source: 'upload',
        accessTokenRequired: target.accessTokenRequired,
        idempotencyKey,
        encrypted: target.trust.encrypt,
      })
      .catch(async (err: unknown) => {
        const winner = isUniqueViolation(err) ? await this.uploads.storedUnder(target, idempotencyKey) : [];
        if (!winner.length) throw err;
        // Another process (or the completion sweep) recorded it and sends its message and scan.
        recordedHere = false;
        return winner;
      });
    if (!recordedHere) return dtos;
    const message = meta['messageText'] || meta['fileRequestId'] ? meta : undefined;
    if (openScan) {
      // Its message goes out with the verdict (with the file only when it is clean).
      await this.scanJobs.enqueue({
        attachmentId: dtos[0].id,
        scanFailMode: checks.scanFailMode,
        principal: ctx.principal,
        message: message && {
          text: message['messageText'] ?? undefined,
          fileRequestId: message['fileRequestId'] ?? undefined,
        },
      });
      return dtos;
    }
    // A quarantined file is stored but never part of a message.
    const clean = dtos.filter((d) => d.trust?.scan !== 'infected').map((d) => d.id);
    if (message) {
      await this.chatsService.send(ctx.principal, chatId, {
        text: meta['messageText'] ?? undefined,
        attachmentIds: clean,
        fileRequestId: meta['fileRequestId'] ?? undefined,
      });
    }
    return dtos;
  }
}

function ownerOf(principal: Principal): string {
  return `${principal.accountId}:${principal.kind}:${actorOf(principal).id ?? (principal.kind === 'visitor' ? principal.chatId : '')}`;
}
