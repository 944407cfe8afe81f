import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AttachmentPreviewInfo, PreviewSize } from '@satchel/contracts';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentEntity } from '../attachments/attachment.entity';
import { AttachmentLinks } from '../attachments/attachment-links';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import type { PreviewStatePort } from '../attachments/preview-state.port';
import { previewObjectKey } from '../attachments/storage-keys';
import { EVENTS, type AttachmentPreviewedEvent } from '../common/events/events';
import { StorageNotFoundError } from '../storage/storage.errors';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import type { AttachmentPreviewEntity } from './attachment-preview.entity';
import { PreviewJobsRepository } from './preview-jobs.repository';
import { PreviewRenderer } from './preview-renderer';
import {
  REVISABLE_REASONS,
  enabledContentTypes,
  failureReason,
  initialPreview,
  previewKindOf,
} from './preview-rules';
import { InputRejectedError } from './render/render-protocol';
import { PreviewsRepository } from './previews.repository';

type PreviewState = Pick<
  AttachmentPreviewEntity,
  'attachmentId' | 'status' | 'width' | 'height' | 'placeholder' | 'reason'
> &
  Partial<Pick<AttachmentPreviewEntity, 'pages' | 'durationMs'>>;

/** Files reopened per statement of a backfill. */
const BACKFILL_BATCH = 500;

/** Preview state of attachments, the `previews.generate` work, and clean-up of renditions. */
@Injectable()
export class PreviewsService implements PreviewStatePort {
  private readonly log = new Logger('Previews');

  constructor(
    private readonly previews: PreviewsRepository,
    private readonly jobs: PreviewJobsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly links: AttachmentLinks,
    private readonly settings: UploadSettingsService,
    private readonly events: EventEmitter2,
    private readonly renderer: PreviewRenderer,
  ) {}

  async previewsFor(
    accountId: string,
    rows: AttachmentEntity[],
    accessTokenRequired: boolean,
  ): Promise<Map<string, AttachmentPreviewInfo>> {
    const stored = new Map(
      (await this.previews.findMany(rows.map((r) => r.id))).map((p) => [p.attachmentId, p]),
    );
    const missing = rows.filter((r) => !stored.has(r.id));
    // A row not yet written (an upload answered before its listener ran) shows what it will get.
    const switches = missing.length ? await this.settings.get(accountId) : undefined;
    const out = new Map<string, AttachmentPreviewInfo>();
    for (const row of rows) {
      const state = stored.get(row.id) ?? {
        attachmentId: row.id,
        ...(switches
          ? initialPreview(row.contentType, switches)
          : { status: 'pending' as const, reason: null }),
        width: null,
        height: null,
        placeholder: null,
      };
      out.set(row.id, this.info(state, accessTokenRequired));
    }
    return out;
  }

  /** A new attachment: its first state, and a render job when its kind is previewed. */
  async track(accountId: string, attachmentId: string, contentType: string): Promise<void> {
    const first = initialPreview(contentType, await this.settings.get(accountId));
    await this.previews.create({
      attachmentId,
      accountId,
      ...first,
      width: null,
      height: null,
      placeholder: null,
      smallKey: null,
      largeKey: null,
      pages: null,
      durationMs: null,
    });
    if (first.status === 'pending') await this.jobs.enqueue(attachmentId);
  }

  /**
   * Previews were turned on (or a kind was): the account's existing files of the kinds now
   * previewed that have none become `pending` and get render jobs, a batch at a time.
   */
  async backfill(accountId: string, round: string): Promise<number> {
    const types = enabledContentTypes(await this.settings.get(accountId));
    if (!types.length) return 0;
    let total = 0;
    for (;;) {
      const ids = await this.previews.reopen(accountId, types, REVISABLE_REASONS, BACKFILL_BATCH);
      for (const id of ids) await this.jobs.enqueue(id, `backfill-${round}`);
      total += ids.length;
      if (ids.length < BACKFILL_BATCH) break;
    }
    this.log.log(`Backfill of account ${accountId}: ${total} files queued for previews`);
    return total;
  }

  /**
   * Renders one attachment's previews. A bad image ends `failed` at once; other errors (storage)
   * are thrown for the queue to retry, and end `failed` on the last try (`lastTry`).
   */
  async generate(attachmentId: string, lastTry: boolean): Promise<void> {
    const row = await this.attachments.findById(attachmentId);
    const state = await this.previews.find(attachmentId);
    if (!row || state?.status !== 'pending') return;
    try {
      const kind = previewKindOf(row.contentType);
      if (!kind) throw new InputRejectedError('not previewable');
      const out = await this.renderer.render(kind, await this.objects.read(row.storageKey));
      const smallKey = await this.store(row.storageKey, 'small', out.small);
      const largeKey = await this.store(row.storageKey, 'large', out.large);
      const done = {
        status: 'ready' as const,
        width: out.width,
        height: out.height,
        pages: out.pages ?? null,
        durationMs: out.durationMs ?? null,
      };
      const kept = await this.previews.finish(attachmentId, {
        ...done,
        placeholder: out.placeholder,
        reason: null,
        smallKey,
        largeKey,
      });
      // Deleted while rendering: the renditions must not outlive it.
      if (kept)
        await this.announce(row, { attachmentId, ...done, placeholder: out.placeholder, reason: null });
      else await Promise.all([this.objects.remove(smallKey), this.objects.remove(largeKey)]);
    } catch (err) {
      const permanent = err instanceof InputRejectedError || err instanceof StorageNotFoundError;
      if (!permanent && !lastTry) throw err;
      const reason = err instanceof StorageNotFoundError ? 'File content missing' : failureReason(err);
      this.log.warn(`Preview of attachment ${attachmentId} failed: ${reason}`);
      if (await this.previews.finish(attachmentId, { status: 'failed', reason }))
        await this.announce(row, {
          attachmentId,
          status: 'failed',
          reason,
          width: null,
          height: null,
          placeholder: null,
        });
    }
  }

  /** The attachment is gone: so are its renditions. */
  async forget(attachmentId: string): Promise<void> {
    const row = await this.previews.take(attachmentId);
    for (const key of [row?.smallKey, row?.largeKey]) if (key) await this.objects.remove(key);
  }

  private async store(fileKey: string, size: PreviewSize, bytes: Uint8Array): Promise<string> {
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const key = previewObjectKey(fileKey, size, digest);
    await this.objects.write(key, Readable.from(Buffer.from(bytes), { objectMode: false }), 'image/webp');
    return key;
  }

  private async announce(row: AttachmentEntity, state: PreviewState): Promise<void> {
    const { accessTokenRequired } = await this.settings.get(row.accountId);
    this.events.emit(EVENTS.attachmentPreviewed, {
      accountId: row.accountId,
      chatId: row.chatId,
      attachmentId: row.id,
      preview: this.info(state, accessTokenRequired),
    } satisfies AttachmentPreviewedEvent);
  }

  private info(state: PreviewState, accessTokenRequired: boolean): AttachmentPreviewInfo {
    const info: AttachmentPreviewInfo = {
      status: state.status,
      width: state.width,
      height: state.height,
      placeholder: state.placeholder,
    };
    if (state.reason) info.reason = state.reason;
    if (state.pages) info.pages = state.pages;
    if (state.durationMs) info.durationSeconds = state.durationMs / 1000;
    if (state.status === 'ready') {
      info.smallUrl = this.links.previewUrl(state.attachmentId, 'small', accessTokenRequired);
      info.largeUrl = this.links.previewUrl(state.attachmentId, 'large', accessTokenRequired);
    }
    return info;
  }
}
