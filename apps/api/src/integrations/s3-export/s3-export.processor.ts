import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { STORAGE_DRIVER, type StorageDriver } from '../../storage/storage.driver';
import type { AttachmentRecord } from '../deliveries/attachment-source';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryAttempts, type AttemptReport } from '../deliveries/delivery-attempts';
import type { DeliveryJobData } from '../deliveries/delivery-jobs.repository';
import { DeliveryProcessors, type DeliveryProcessor } from '../deliveries/delivery-processors';
import { DeliveryStart } from '../deliveries/delivery-start';
import type { DeliveryEntity } from '../deliveries/delivery.entity';
import { ExportBucketRepository, type ExportTarget } from './export-bucket.repository';
import { exportKey } from './export-key';
import { describeS3Error } from './s3-errors';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';
import { S3ExportSettingsService } from './s3-export-settings.service';

const MAX_NAME_TRIES = 1000;

/** Seed 002's "Uploading files on AWS": streams each stored file to `<folder>/<chatId>/<fileName>`. */
@Injectable()
export class S3ExportProcessor implements DeliveryProcessor, OnModuleInit {
  readonly kind = 'export';

  constructor(
    private readonly processors: DeliveryProcessors,
    private readonly start: DeliveryStart,
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: S3ExportSettingsRepository,
    private readonly settingsService: S3ExportSettingsService,
    private readonly bucket: ExportBucketRepository,
    private readonly attempts: DeliveryAttempts,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  onModuleInit(): void {
    this.processors.register(this);
  }

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const started = await this.start.pendingWithAttachment(job, {
      settings: (d) => this.targetOf(d.accountId),
      switchedOff: 'The S3 export was switched off before this file was exported',
      attachmentGone: 'The attachment was deleted before it could be exported',
    });
    if (!started) return;
    const { delivery: d, settings, attachment: a } = started;
    await this.attempts.run(job, d, () => this.export(d, settings.target, settings.folder, a));
  }

  private async targetOf(accountId: string): Promise<{ target: ExportTarget; folder: string } | null> {
    const s = await this.settings.find(accountId);
    const t = s && !s.disabled ? this.settingsService.targetOf(s) : null;
    return s && t ? { target: t, folder: s.folder } : null;
  }

  private async export(
    d: DeliveryEntity,
    t: ExportTarget,
    folder: string,
    a: AttachmentRecord,
  ): Promise<AttemptReport> {
    const started = Date.now();
    try {
      const key =
        d.exportKey && d.target === `s3://${t.bucket}/${d.exportKey}`
          ? d.exportKey
          : await this.reserveKey(d, t, folder, a);
      await this.bucket.upload(t, key, await this.storage.read(a.storageKey), a.contentType);
      const ms = Date.now() - started;
      return {
        outcome: 'exported',
        retryable: false,
        error: null,
        httpStatus: 200,
        excerpt: null,
        durationMs: ms,
        result: { exportKey: key },
      };
    } catch (err) {
      const f = describeS3Error(err, t.bucket);
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? null;
      return {
        outcome: 'error',
        retryable: f.retryable,
        error: f.message,
        httpStatus: status,
        excerpt: null,
        durationMs: Date.now() - started,
      };
    }
  }

  /** The first free `name`, `name (1)`, ... in this chat's folder: not in the bucket, not reserved by another export. */
  private async reserveKey(
    d: DeliveryEntity,
    t: ExportTarget,
    folder: string,
    a: AttachmentRecord,
  ): Promise<string> {
    for (let n = 0; n < MAX_NAME_TRIES; n++) {
      const key = exportKey(folder, a.chatId, a.name, n);
      if (await this.bucket.exists(t, key)) continue;
      if (await this.deliveries.reserveExportTarget(d.id, `s3://${t.bucket}/${key}`, key)) return key;
    }
    throw new Error(`No free name for ${a.name} after ${MAX_NAME_TRIES} tries`);
  }
}
