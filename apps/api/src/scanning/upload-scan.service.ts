import { Inject, Injectable, Logger } from '@nestjs/common';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AttachmentPresenter } from '../attachments/attachment-presenter';
import { AttachmentRecorder } from '../attachments/attachment-recorder';
import type { AttachmentEntity, ScanStatus } from '../attachments/attachment.entity';
import type { ScanJobData } from '../attachments/scan-jobs.repository';
import { CHAT_MESSAGES, type ChatMessagesPort } from '../attachments/chat-messages.port';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { scanStream, ScannerUnavailableError } from './clamd-client';
import { QuarantineRepository } from './quarantine.repository';

/**
 * The `scans.upload` job: a resumable upload stored `scanning` gets clamd's verdict. Clean: it is
 * announced (callbacks, exports, previews) and its message sent. Infected: quarantined like an
 * upload caught while streaming. clamd down: `open` stores it `unscanned` (delivered, rescanned
 * later); `closed` keeps it `scanning` and the job retries.
 */
@Injectable()
export class UploadScanService {
  private readonly log = new Logger('UploadScan');

  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly presenter: AttachmentPresenter,
    private readonly recorder: AttachmentRecorder,
    @Inject(CHAT_MESSAGES) private readonly chats: ChatMessagesPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scan(job: ScanJobData): Promise<void> {
    const row = await this.quarantine.findById(job.attachmentId);
    if (row?.scanStatus !== 'scanning') return;
    const verdict = await this.verdict(row, job);
    if (!verdict) return;
    const signature = verdict.infected ? (verdict.signature ?? null) : null;
    const status: ScanStatus = verdict.unscanned ? 'unscanned' : verdict.infected ? 'infected' : 'clean';
    if (!(await this.quarantine.settleScanning(row.id, status, signature))) return;
    const dto = await this.presenter.presentOne(
      { ...row, scanStatus: status, scanSignature: signature },
      { withStatus: false },
    );
    const ctx = { principal: null, accountId: row.accountId, ip: null };
    if (status === 'infected') {
      this.log.warn(`Quarantined attachment ${row.id}: ${signature}`);
      await this.recorder.quarantined(ctx, dto);
    } else this.recorder.announce(row.accountId, dto);
    await this.sendMessage(row, job, status === 'infected' ? [] : [row.id]);
  }

  private async verdict(
    row: AttachmentEntity,
    job: ScanJobData,
  ): Promise<{ infected: boolean; signature?: string; unscanned?: boolean } | undefined> {
    const { clamd, timeoutMs } = this.config.scanning;
    if (!clamd) return { infected: false, unscanned: true };
    try {
      const verdict = await scanStream(clamd, timeoutMs, await this.objects.read(row.storageKey));
      return verdict.infected ? { infected: true, signature: verdict.signature } : { infected: false };
    } catch (err) {
      if (!(err instanceof ScannerUnavailableError) || job.scanFailMode === 'closed') throw err;
      return { infected: false, unscanned: true };
    }
  }

  /** The upload's message: its text, with the file only when it may be shared. Best effort. */
  private async sendMessage(row: AttachmentEntity, job: ScanJobData, attachmentIds: string[]): Promise<void> {
    const message = job.message;
    if (!message || !row.chatId || (!message.text && attachmentIds.length === 0)) return;
    try {
      await this.chats.send(job.principal, row.chatId, {
        text: message.text,
        attachmentIds,
        fileRequestId: message.fileRequestId,
      });
    } catch (err) {
      this.log.warn(`Could not send the message of upload ${row.id}: ${(err as Error).message}`);
    }
  }
}
